/** The Budget page: every case's budget in one currency, and the rates and caps budgets use. */
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AcrossCases } from './AcrossCases';
import { CapsPanel } from './CapsPanel';
import { PerDiemPanel } from './PerDiemPanel';
import { RatesPanel } from './RatesPanel';
import { useBudget } from './use-budget';

export function BudgetPage() {
  const { t } = useTranslation();
  const b = useBudget();
  const [tab, setTab] = useState<string | null>('overview');
  return (
    <Stack gap="sm">
      <Title order={1}>{t('budget.page.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('budget.page.intro')} {t(`budget.conventionStatement.${b.convention}`)}
      </Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('budget.page.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="rates">{t('budget.page.tabs.rates')}</Tabs.Tab>
          <Tabs.Tab value="per-diem">{t('budget.page.tabs.perDiem')}</Tabs.Tab>
          <Tabs.Tab value="caps">{t('budget.page.tabs.caps')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="sm">
          <AcrossCases b={b} />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="sm">
          <RatesPanel rates={b.exchangeRates} defaultTo={b.defaultCurrency} />
        </Tabs.Panel>
        <Tabs.Panel value="per-diem" pt="sm">
          <PerDiemPanel rates={b.perDiemRates} defaultCurrency={b.defaultCurrency} />
        </Tabs.Panel>
        <Tabs.Panel value="caps" pt="sm">
          <CapsPanel usage={b.caps} defaultCurrency={b.defaultCurrency} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
