/**
 * Nothing of the app renders until the vault is open. The gate walks the coordinator through
 * first run (create, or try a demo vault), the recovery code, unlock, and recovery; once the vault
 * is open it renders the app. When the vault locks (button, shortcut, idle, system), the app is
 * unmounted at once, so no decrypted data stays on screen. When the app opens, focus goes to the
 * landing page's heading (the unlock button it was on is gone), not the page body.
 */
import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { vault } from '../../storage';
import { allowDrafts, dropAllDrafts } from '../../shared/ui/drafts';
import { restoreFocus } from '../../shared/ui/focus-landing';
import { CreateVaultScreen } from './CreateVaultScreen';
import { FirstRunScreen } from './FirstRunScreen';
import { RecoverScreen } from './RecoverScreen';
import { RecoveryCodeScreen } from './RecoveryCodeScreen';
import { UnlockScreen } from './UnlockScreen';

type Phase =
  | { name: 'checking' }
  | { name: 'first-run' }
  | { name: 'create'; demo: boolean }
  | { name: 'recovery-code'; code: string }
  | { name: 'unlock'; notice: string | null }
  | { name: 'recover' }
  | { name: 'open' };

export interface VaultGateProps {
  children: ReactNode;
  /** Fills a new demo vault with sample data; called right after it is created. */
  seedDemo: () => Promise<void>;
}

export function VaultGate({ children, seedDemo }: VaultGateProps) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>(() =>
    vault.isUnlocked() ? { name: 'open' } : { name: 'checking' },
  );

  useEffect(() => {
    let cancelled = false;
    if (!vault.isUnlocked()) {
      vault
        .vaultExists()
        .then((exists) => {
          if (!cancelled)
            setPhase(exists ? { name: 'unlock', notice: null } : { name: 'first-run' });
        })
        .catch(() => {
          if (!cancelled) setPhase({ name: 'unlock', notice: null });
        });
    }
    const unsubscribe = vault.onLockChange((state) => {
      if (state === 'locked') {
        // Before the app unmounts: the forms torn down by the lock must keep no draft.
        dropAllDrafts();
        setPhase({ name: 'unlock', notice: t('vault.locked') });
      }
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [t]);

  const open = phase.name === 'open';
  useEffect(() => {
    if (!open) return;
    allowDrafts();
    return restoreFocus(null);
  }, [open]);

  switch (phase.name) {
    case 'checking':
      return (
        <Center mih="100vh" role="status">
          <Loader size="sm" mr="sm" />
          <Text>{t('vault.checking')}</Text>
        </Center>
      );
    case 'first-run':
      return (
        <FirstRunScreen
          onCreate={() => setPhase({ name: 'create', demo: false })}
          onDemo={() => setPhase({ name: 'create', demo: true })}
        />
      );
    case 'create':
      return (
        <CreateVaultScreen
          demo={phase.demo}
          onBack={() => setPhase({ name: 'first-run' })}
          onCreate={async (passphrase) => {
            const { recoveryCode } = await vault.createVault(passphrase);
            if (phase.demo) await seedDemo();
            setPhase({ name: 'recovery-code', code: recoveryCode });
          }}
        />
      );
    case 'recovery-code':
      return <RecoveryCodeScreen code={phase.code} onDone={() => setPhase({ name: 'open' })} />;
    case 'unlock':
      return (
        <UnlockScreen
          notice={phase.notice}
          onUseRecovery={() => setPhase({ name: 'recover' })}
          onUnlock={async (passphrase) => {
            await vault.unlock(passphrase);
            setPhase({ name: 'open' });
          }}
        />
      );
    case 'recover':
      return (
        <RecoverScreen
          onBack={() => setPhase({ name: 'unlock', notice: null })}
          onRecover={async (code, passphrase) => {
            await vault.unlockWithRecoveryCode(code, passphrase);
            setPhase({ name: 'open' });
          }}
        />
      );
    case 'open':
      return <>{children}</>;
  }
}
