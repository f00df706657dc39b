/**
 * Drafts of open forms, in memory only, until the vault locks. When a dialog with unsaved changes
 * goes away without the coordinator choosing to lose them (the page around it changed), its
 * values are kept here; opening the same form again (same page, same title, same starting values)
 * restores them. Nothing here is ever written to disk. Locking drops every draft before the app
 * unmounts (VaultGate calls `dropAllDrafts`), and no draft is kept until the vault opens again
 * (`allowDrafts`), so a form torn down by the lock cannot leave its values behind.
 */
const drafts = new Map<string, unknown>();
let sealed = false;

export function keepDraft(key: string, values: unknown): void {
  if (sealed) return;
  drafts.set(key, structuredClone(values));
}

/** The draft for `key`, removed from the store (the form now holds it). */
export function takeDraft<V>(key: string): V | undefined {
  const draft = drafts.get(key) as V | undefined;
  drafts.delete(key);
  return draft;
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}

/** On lock: forget every draft, and keep none until `allowDrafts`. */
export function dropAllDrafts(): void {
  drafts.clear();
  sealed = true;
}

/** When the vault opens. */
export function allowDrafts(): void {
  sealed = false;
}

export function draftCount(): number {
  return drafts.size;
}
