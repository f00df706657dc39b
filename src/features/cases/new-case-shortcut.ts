/**
 * Ctrl/Cmd+N from anywhere in the open app: the cases list with "New case" open. The listener is
 * registered once when the feature loads; it does nothing while the vault is locked or while a
 * dialog is open (so it never stacks a form on another). Other features (the command palette)
 * open the same dialog by linking to `NEW_CASE_HREF`.
 */
import { vault } from '../../storage';

export const NEW_CASE_HREF = '#/cases?new=1';

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'n') return;
    if (!vault.isUnlocked() || document.querySelector('[role="dialog"]')) return;
    e.preventDefault();
    window.location.hash = NEW_CASE_HREF;
  });
}
