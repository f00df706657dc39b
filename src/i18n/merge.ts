/** Merges per-area locale files into one translation; a top-level key defined twice is an error. */
export function mergeLocaleFiles(
  files: Record<string, { default: Record<string, unknown> }>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, module] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [key, value] of Object.entries(module.default)) {
      if (key in merged)
        throw new Error(`i18n: the key "${key}" is defined twice (again in ${path}).`);
      merged[key] = value;
    }
  }
  return merged;
}
