/**
 * Add or edit a manual budget line, or override a derived one: an override changes only the
 * quantity and the unit amount (and a note); "Use the derived figure" removes the override.
 */
import { Alert, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BudgetItem } from '../../domain/budget';
import { BUDGET_CATEGORIES, BUDGET_KINDS, type Case } from '../../domain/entities';
import { currencyChoices } from '../../shared/ui/choices';
import { DateField } from '../../shared/ui/DateField';
import { RecordDialog } from '../../shared/ui/RecordDialog';
import { today } from '../../shared/ui/today';
import { useRecordForm } from '../../shared/ui/use-record-form';
import { deleteLine, saveLine, saveOverride } from './data';
import {
  isFieldErrors,
  lineFormValues,
  lineInput,
  parseFigure,
  type LineFormValues,
} from './line-form';
import { explainItem } from '../../domain/budget';

export function LineDialog({
  c,
  item,
  onClose,
}: {
  c: Case;
  /** null: a new manual line. */
  item: BudgetItem | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const derived = item?.origin === 'derived' ? item.derived : null;
  const isOverride = item?.origin === 'derived';
  const rf = useRecordForm<LineFormValues>({
    initialValues: lineFormValues(item, {
      currency: c.reportingCurrency,
      date: c.plannedStart ?? today(),
      funder: c.funder,
      grantCode: c.grantCode,
    }),
    validate: (v) => {
      if (isOverride) {
        const f = parseFigure(v);
        return f.ok ? {} : f.errors;
      }
      const r = lineInput(c.id, v);
      return isFieldErrors(r) ? r : {};
    },
    onSave: async (v) => {
      if (isOverride) {
        const f = parseFigure(v);
        if (!f.ok || !derived) return;
        await saveOverride(
          c.id,
          derived,
          { quantity: f.quantity, unitAmount: f.unitAmount },
          { funder: v.funder, grantCode: v.grantCode, notes: v.notes },
          item.line ?? undefined,
        );
        return;
      }
      const r = lineInput(c.id, v);
      if (!isFieldErrors(r)) await saveLine(r, item?.line ?? undefined);
    },
    onSaved: onClose,
  });
  const f = rf.field;
  const title = isOverride
    ? t('budget.line.overrideTitle')
    : item
      ? t('budget.line.editTitle')
      : t('budget.line.addTitle');
  const line = item?.line;
  return (
    <RecordDialog
      title={title}
      rf={rf}
      onClose={onClose}
      size="lg"
      remove={
        line
          ? {
              label: isOverride ? t('budget.line.revert') : t('budget.line.delete'),
              confirmLabel: isOverride
                ? t('budget.line.revertConfirm')
                : t('budget.line.deleteConfirm'),
              run: () => deleteLine(line.id),
            }
          : null
      }
    >
      {isOverride && item && (
        <Alert color="gray" variant="light" mb="sm">
          {t('budget.line.overrideNote', {
            source: item.description,
            arithmetic: explainItem({
              ...item,
              override: null,
              quantity: derived?.quantity ?? item.quantity,
              unitAmount: derived?.unitAmount ?? item.unitAmount,
            }),
          })}
        </Alert>
      )}
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
        {!isOverride && (
          <>
            <Select
              label={t('budget.line.category')}
              data={BUDGET_CATEGORIES.map((v) => ({
                value: v,
                label: t(`budget.categories.${v}`),
              }))}
              allowDeselect={false}
              withAsterisk
              {...f('category')}
            />
            <Select
              label={t('budget.line.kind')}
              data={BUDGET_KINDS.map((v) => ({ value: v, label: t(`budget.kinds.${v}`) }))}
              allowDeselect={false}
              {...f('kind')}
            />
            <TextInput
              label={t('budget.line.description')}
              withAsterisk
              data-autofocus
              {...f('description')}
            />
            <DateField label={t('budget.line.date')} {...f('date')} />
          </>
        )}
        <TextInput
          label={t('budget.line.quantity')}
          inputMode="numeric"
          {...f('quantity')}
          data-autofocus={isOverride || undefined}
        />
        <TextInput label={t('budget.line.amount')} inputMode="decimal" {...f('amount')} />
        {!isOverride && (
          <>
            <Select
              label={t('budget.line.currency')}
              data={currencyChoices()}
              searchable
              allowDeselect={false}
              {...f('currency')}
            />
            <TextInput label={t('budget.line.payee')} {...f('payee')} />
          </>
        )}
        <TextInput label={t('budget.line.funder')} {...f('funder')} />
        <TextInput label={t('budget.line.grantCode')} {...f('grantCode')} />
      </SimpleGrid>
      <Textarea label={t('budget.line.notes')} mt="xs" autosize minRows={2} {...f('notes')} />
    </RecordDialog>
  );
}
