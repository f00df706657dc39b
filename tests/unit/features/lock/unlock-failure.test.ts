/**
 * The lock screens' and settings' failure sentences: the screen's own words around the one
 * error-to-message wording, never the error's raw (English, possibly revealing) text.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { unlockFailureText } from '../../../../src/features/lock/unlock-failure';
import { resources } from '../../../../src/i18n';
import { failureText } from '../../../../src/shared/ui/notify-failure';
import { HeaderError, ThrottledError } from '../../../../src/storage';

const SECRET = 'Record cases/0123abcd holds Amal Haddad, Rue de la Paix 3';

const t = i18next.t.bind(i18next);
beforeAll(async () => {
  await i18next.init({ lng: 'en', resources, interpolation: { escapeValue: false } });
});

describe('failure sentences', () => {
  it('Given a damaged header, When the vault does not open, Then the screen says why in its own words, not the error text', () => {
    const text = unlockFailureText(t, new HeaderError(SECRET));
    expect(text).toBe(
      "The vault could not be opened: The vault's header is damaged or weakened, so the vault was not opened. Restore the latest backup.",
    );
    expect(text).not.toContain('Amal');
  });

  it('Given too many attempts, When the vault does not open, Then it says how long to wait', () => {
    expect(unlockFailureText(t, new ThrottledError(4200))).toBe(
      'Too many wrong attempts. Wait 5 s before trying again.',
    );
  });

  it('Given an unexpected error, When a backup fails, Then the sentence holds the generic wording only', () => {
    const text = failureText(t, 'settings.backup.failed', new Error(SECRET));
    expect(text).toMatch(/^The backup could not be written: Something unexpected went wrong\./);
    expect(text).not.toContain('Amal');
  });
});
