/**
 * Orderings used by every analysis. Codes (INSEE, SIREN) compare as plain strings; names with a
 * French collator created once (String#localeCompare builds one per call: ~100× slower).
 */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const collator = new Intl.Collator('fr');
export const compareNames = (a: string, b: string): number => collator.compare(a, b);
