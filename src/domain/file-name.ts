/**
 * The part of an exported file's name that comes from a case: its code name, never a legal name,
 * made safe for every desktop file system (letters, their marks and digits of any script; runs of
 * anything else as one hyphen; lower case; at most 60 characters). Every export (itinerary pack,
 * budget sheet, calendar) uses it, so they name the same case the same way.
 */
const MAX_CHARS = 60;

/** `text` as a file-name part ("Cedar Ash 2" -> "cedar-ash-2"), or `fallback` when none is left. */
export function fileSlug(text: string | null | undefined, fallback: string): string {
  const slug = (text ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Cut by code point (never half a surrogate pair), then drop a hyphen left at the cut.
  const cut = Array.from(slug).slice(0, MAX_CHARS).join('').replace(/-+$/, '');
  return cut || fallback;
}
