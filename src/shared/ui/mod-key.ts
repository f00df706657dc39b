/** The name of the shortcut modifier on this machine: "⌘" on macOS, "Ctrl" elsewhere. */
export function modKey(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
    ? '⌘'
    : 'Ctrl';
}
