/**
 * The territory a page looks at, as the API names it: `france`, `region:76`, `departement:31`.
 * Kept in the address (`?territoire=departement:31`) so that a view can be shared.
 */
export type Territory = { kind: 'france' } | { kind: 'region' | 'departement'; code: string };

export const FRANCE: Territory = { kind: 'france' };

const PATTERNS = { region: /^\d{2}$/, departement: /^(\d{2}|2[AB]|97\d)$/ } as const;

/** Reads the URL form; anything unreadable means France. */
export function parseTerritory(value: string | null | undefined): Territory {
  if (!value) return FRANCE;
  const [kind, code] = value.split(':');
  if ((kind === 'region' || kind === 'departement') && code && PATTERNS[kind].test(code.toUpperCase())) {
    return { kind, code: code.toUpperCase() };
  }
  return FRANCE;
}

export function formatTerritory(t: Territory): string {
  return t.kind === 'france' ? 'france' : `${t.kind}:${t.code}`;
}

/** The URL value: null for France (the default, so it is left out of the address). */
export function territoryParam(t: Territory): string | null {
  return t.kind === 'france' ? null : formatTerritory(t);
}

export const sameTerritory = (a: Territory, b: Territory) => formatTerritory(a) === formatTerritory(b);

/** The overseas départements, reachable from the France view (their own inset is far from the métropole). */
export const DROM: { code: string; nom: string }[] = [
  { code: '971', nom: 'Guadeloupe' },
  { code: '972', nom: 'Martinique' },
  { code: '973', nom: 'Guyane' },
  { code: '974', nom: 'La Réunion' },
  { code: '976', nom: 'Mayotte' },
];
