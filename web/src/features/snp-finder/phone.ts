/** Telephone numbers as people read and dial them: « 02 62 90 50 50 », `tel:+262262905050`. */

/** « 0262905050 » → « 02 62 90 50 50 »; short numbers (15, 116 117) and other shapes as written. */
export function formatPhone(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '');
  if (/^0\d{9}$/.test(digits)) return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  return raw.trim();
}

/** The `tel:` address of a number (spaces and dots removed). */
export const telHref = (raw: string): string => `tel:${raw.replace(/[^\d+]/g, '')}`;
