/**
 * The case form's inputs. "essential" shows what a new case needs (code name, referral, risk,
 * currency, planned dates); "full" adds the threat, return strategy, funder and notes.
 */
import { MultiSelect, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SOURCES, RISK_LEVELS, THREAT_TYPES } from '../../domain/entities';
import { currencyChoices } from '../../shared/ui/choices';
import type { RecordForm } from '../../shared/ui/use-record-form';
import type { CaseFormValues } from './case-form';
import { DateField } from '../../shared/ui/DateField';

export function CaseFields({
  rf,
  variant,
}: {
  rf: RecordForm<CaseFormValues>;
  variant: 'essential' | 'full';
}) {
  const { t } = useTranslation();
  const f = rf.field;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('case.fields.codeName')}
          description={t('case.fields.codeNameHelp')}
          withAsterisk
          autoComplete="off"
          data-autofocus
          {...f('codeName')}
        />
        <Select
          label={t('case.fields.referralSource')}
          data={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`case.referral.${s}`) }))}
          allowDeselect={false}
          {...f('referralSource')}
        />
        <Select
          label={t('case.fields.riskLevel')}
          data={RISK_LEVELS.map((r) => ({ value: r, label: t(`risk.${r}`) }))}
          allowDeselect={false}
          {...f('riskLevel')}
        />
        <Select
          label={t('case.fields.reportingCurrency')}
          data={currencyChoices()}
          searchable
          allowDeselect={false}
          {...f('reportingCurrency')}
        />
        <DateField label={t('case.fields.plannedStart')} {...f('plannedStart')} />
        <DateField label={t('case.fields.plannedEnd')} {...f('plannedEnd')} />
        {variant === 'full' && (
          <>
            <DateField label={t('case.fields.actualStart')} {...f('actualStart')} />
            <DateField label={t('case.fields.actualEnd')} {...f('actualEnd')} />
          </>
        )}
      </SimpleGrid>
      {variant === 'full' && (
        <>
          <Textarea
            label={t('case.fields.threatSummary')}
            autosize
            minRows={2}
            maxRows={6}
            mt="xs"
            {...f('threatSummary')}
          />
          <MultiSelect
            label={t('case.fields.threatTypes')}
            data={THREAT_TYPES.map((x) => ({ value: x, label: t(`case.threat.${x}`) }))}
            mt="xs"
            {...f('threatTypes')}
          />
          <Textarea
            label={t('case.fields.alternativesConsidered')}
            autosize
            minRows={1}
            maxRows={4}
            mt="xs"
            {...f('alternativesConsidered')}
          />
          <Textarea
            label={t('case.fields.returnStrategy')}
            description={t('case.fields.returnStrategyHelp')}
            autosize
            minRows={2}
            maxRows={6}
            mt="xs"
            {...f('returnStrategy')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="xs">
            <TextInput label={t('case.fields.funder')} {...f('funder')} />
            <TextInput label={t('case.fields.grantCode')} {...f('grantCode')} />
            <TextInput label={t('case.fields.protectionOfficer')} {...f('protectionOfficer')} />
          </SimpleGrid>
          <Textarea
            label={t('case.fields.notes')}
            autosize
            minRows={2}
            maxRows={8}
            mt="xs"
            {...f('notes')}
          />
        </>
      )}
    </>
  );
}
