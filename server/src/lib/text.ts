/**
 * Text normalisation shared by the build (search keys) and the server (queries):
 * lower case, no accents, apostrophes/hyphens/punctuation as spaces, "st"/"ste" → "saint"/"sainte".
 */
const ABBREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

export function normalizeName(input: string): string {
  const words = input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0);
  return words.map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}
