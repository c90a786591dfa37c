/**
 * Subtype of a centre de santé, inferred from its name because FINESS has one category (124) for
 * all of them. The rule, on the raison sociale (short and long, accents and case ignored), first
 * match wins:
 *   1. « POLYVALENT »                                   → polyvalent
 *   2. a named non-GP specialty (OPHTALMO…, ORL, RADIOLOG…) → autre
 *   3. « MEDICAL », « MEDICALE », « MEDICO- »           → polyvalent (médico-dentaire included)
 *   4. « DENTAIRE(S) » (cabinet, centre, soins dentaires) → dentaire
 *   5. « SOINS INFIRMIERS », « INFIRMIER(E)(S) »         → infirmier
 *   otherwise null: unknown, never guessed (« CENTRE MUNICIPAL DE SANTE » says nothing).
 */
export type CdsSubtype = 'polyvalent' | 'dentaire' | 'infirmier' | 'autre';

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toUpperCase();

export function cdsSubtypeOf(...names: (string | null | undefined)[]): CdsSubtype | null {
  const text = strip(names.filter(Boolean).join(' '));
  if (/\bPOLYVALENT/.test(text)) return 'polyvalent';
  if (/\bOPHTALMO|\bORL\b|\bRADIOLOG|\bIMAGERIE\b/.test(text)) return 'autre';
  if (/\bMEDICAL(E|ES|AUX)?\b|\bMEDICO/.test(text)) return 'polyvalent';
  if (/\bDENTAIRES?\b/.test(text)) return 'dentaire';
  if (/\bINFIRMI(ER|ERE)S?\b/.test(text)) return 'infirmier';
  return null;
}
