/**
 * Commune and département codes as the SAE writes them: overseas codes with a letter in place of
 * the third digit (`9A105` = 97105 Guadeloupe, `9D411` = 97411 Réunion, `9F611` = 97611 Mayotte;
 * département `9A` = 971 … `9F` = 976), the others as INSEE writes them. The result is a code of
 * the COG of the collection year: the caller translates it to the millésime.
 */
const OVERSEAS: Record<string, string> = { A: '971', B: '972', C: '973', D: '974', E: '975', F: '976' };

export function saeCommuneCode(code: string): string {
  const m = /^9([A-F])(\d{3})$/.exec(code);
  return m ? `97${m[2]}` : code;
}

export function saeDepartementCode(code: string): string {
  const m = /^9([A-F])$/.exec(code);
  return m ? OVERSEAS[m[1]!]! : code;
}
