/**
 * Passphrase strength estimate (no storage). A conservative guess of the entropy an attacker
 * must search, so that the vault's minimum (about 64 bits: five random words from a large list)
 * can be enforced. Model:
 *   - the passphrase is split on separators (space, -, _, ., ,, /, +) into chunks;
 *   - a chunk of letters only is a "word": a common word or password costs ~8 bits, another word
 *     at most max(12.9 bits (one diceware word), 2.5 bits per letter), never more than its length
 *     times log2 of its alphabet;
 *   - any other chunk costs its length times log2 of the character classes it uses, counting runs,
 *     repeats and keyboard/alphabet sequences as cheap;
 *   - a chunk repeated earlier in the passphrase costs 1 bit.
 */

export interface PassphraseStrength {
  /** 0 (very weak) to 4 (strong, acceptable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Estimated entropy in bits (rounded down). */
  bits: number;
  /** True when the passphrase meets the vault's minimum. */
  acceptable: boolean;
  /** A short English hint; `hintKey` is the stable key for translations. */
  hint: string;
  hintKey: 'empty' | 'too-short' | 'add-words' | 'avoid-common' | 'avoid-repeats' | 'good';
}

export const MIN_PASSPHRASE_BITS = 64;
const DICEWARE_WORD_BITS = Math.log2(7776);

const COMMON = new Set(
  `password passw0rd passwort motdepasse contrasena admin welcome letmein qwerty azerty qwertz iloveyou
  monkey dragon master sunshine princess football baseball shadow superman batman trustno1 secret
  love hello freedom whatever starwars computer internet login abc abcd abcdef test guest user root
  correct horse battery staple the and for you with this that have from they will your what about
  which when make like time just know take people into year good some could them other than then
  now look only come over think also back after use two how work first well way even new want
  because any these give day most haven vault human rights defender summer winter spring autumn
  january february march april may june july august september october november december monday
  friday sunday change changeme default god jesus money pass word key open sesame`
    .split(/\s+/)
    .filter(Boolean),
);

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'azertyuiop',
  'qwertzuiop',
];

function charsetBits(chunk: string): number {
  let size = 0;
  if (/[a-z]/.test(chunk)) size += 26;
  if (/[A-Z]/.test(chunk)) size += 26;
  if (/[0-9]/.test(chunk)) size += 10;
  if (/[^a-zA-Z0-9]/.test(chunk)) size += /[^\x20-\x7e]/.test(chunk) ? 100 : 33;
  return Math.log2(Math.max(size, 2));
}

function isSequenceStep(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  for (const s of SEQUENCES) {
    const i = s.indexOf(x);
    if (i >= 0 && (s[i + 1] === y || s[i - 1] === y)) return true;
  }
  return false;
}

function wordBits(chunk: string): number {
  const lower = chunk.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/s$/, ''))) return 8;
  const cap = chunk.length * charsetBits(chunk);
  let bits = Math.max(DICEWARE_WORD_BITS, chunk.length * 2.5);
  if (/^[A-Z][a-z]+$/.test(chunk))
    bits += 1; // capitalised
  else if (/[A-Z]/.test(chunk) && /[a-z]/.test(chunk)) bits += Math.min(chunk.length, 8); // mixed case
  return Math.min(bits, cap);
}

function symbolsBits(chunk: string): { bits: number; cheap: boolean } {
  const per = charsetBits(chunk);
  let bits = 0;
  let cheapChars = 0;
  const seen = new Map<string, number>();
  for (let i = 0; i < chunk.length; i++) {
    const ch = chunk.charAt(i);
    const prev = i > 0 ? chunk.charAt(i - 1) : '';
    const count = seen.get(ch) ?? 0;
    seen.set(ch, count + 1);
    if (prev && isSequenceStep(prev, ch)) {
      bits += 1;
      cheapChars++;
    } else if (count >= 2) {
      bits += 2;
      cheapChars++;
    } else bits += per;
  }
  const lower = chunk.toLowerCase();
  for (const w of COMMON) {
    if (w.length >= 4 && lower.includes(w)) {
      bits -= Math.max(0, w.length * per - 8);
      cheapChars += w.length;
    }
  }
  return { bits: Math.max(bits, 1), cheap: cheapChars > chunk.length / 3 };
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const p = passphrase.normalize('NFC');
  if (p.length === 0) {
    return { score: 0, bits: 0, acceptable: false, hint: 'Enter a passphrase.', hintKey: 'empty' };
  }
  const chunks = p.split(/[\s\-_.,/+]+/).filter(Boolean);
  const seen = new Set<string>();
  let bits = 0;
  let common = 0;
  let repeats = 0;
  for (const chunk of chunks) {
    const key = chunk.toLowerCase();
    if (seen.has(key)) {
      bits += 1;
      repeats++;
      continue;
    }
    seen.add(key);
    if (/^\p{L}+$/u.test(chunk)) {
      const b = wordBits(chunk);
      if (b <= 8) common++;
      bits += b;
    } else {
      const r = symbolsBits(chunk);
      if (r.cheap) common++;
      bits += r.bits;
    }
  }
  // Separators between several chunks add a little (which separator), never much.
  if (chunks.length > 1) bits += 2;
  bits = Math.max(0, Math.floor(bits));
  const score = (
    bits < 28 ? 0 : bits < 40 ? 1 : bits < 52 ? 2 : bits < MIN_PASSPHRASE_BITS ? 3 : 4
  ) as PassphraseStrength['score'];
  const acceptable = bits >= MIN_PASSPHRASE_BITS;
  let hintKey: PassphraseStrength['hintKey'];
  let hint: string;
  if (acceptable) {
    hintKey = 'good';
    hint = 'Strong enough. Write it down somewhere safe and offline.';
  } else if (repeats > 0) {
    hintKey = 'avoid-repeats';
    hint = 'Avoid repeating words or characters.';
  } else if (common > 0) {
    hintKey = 'avoid-common';
    hint = 'Avoid common words, names and keyboard patterns.';
  } else if (p.length < 12) {
    hintKey = 'too-short';
    hint = 'Too short. Use five or six random words.';
  } else {
    hintKey = 'add-words';
    hint = 'Add more random words (five or six in total).';
  }
  return { score, bits, acceptable, hint, hintKey };
}
