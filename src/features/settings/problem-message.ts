/**
 * Turns a storage refusal that carries its own words (a backup or restore problem, damaged data
 * blocking a rotation) into the coordinator's language; null for anything else.
 */
import type { TFunction } from 'i18next';
import { BackupError, DamagedDataError } from '../../storage';

export function problemMessage(t: TFunction, error: unknown): string | null {
  if (error instanceof BackupError && error.i18n) {
    const v = error.i18n.values;
    return t(error.i18n.key, {
      ...v,
      kind: typeof v.store === 'string' ? t(`settings.stores.${v.store}`) : '',
      targetKind: typeof v.target === 'string' ? t(`settings.stores.${v.target}`) : '',
    });
  }
  if (error instanceof DamagedDataError) {
    return error.reason === 'rotate-damaged'
      ? t('integrity.rotate.damaged', { count: error.count })
      : t('integrity.rotate.undecided');
  }
  return null;
}
