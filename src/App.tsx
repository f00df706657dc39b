/**
 * The renderer's root: the vault gate first; once the vault is open, the app (OpenApp.tsx, its own
 * chunk). The start-up chunk holds the gate and the unlock screen only: the rest of the app starts
 * downloading in idle time after the unlock screen has painted, so unlocking does not wait for it.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { seedDemoVault } from './features/demo';
import { VaultGate } from './features/lock';
import { lazyPage, PageLoading, whenIdle } from './shared/ui/lazy-page';
import { PlanningSessionProvider } from './storage';

function Opening() {
  const { t } = useTranslation();
  return <PageLoading label={t('loading.app')} />;
}

const OpenApp = lazyPage(() => import('./OpenApp').then((m) => m.default), <Opening />);

export function App() {
  useEffect(() => whenIdle(() => void OpenApp.preload()), []);
  return (
    <VaultGate seedDemo={seedDemoVault}>
      <PlanningSessionProvider>
        <OpenApp />
      </PlanningSessionProvider>
    </VaultGate>
  );
}
