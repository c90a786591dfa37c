/**
 * The territory of an analysis — `france`, `region:52`, `departement:44` or `epci:<siren>` —
 * parsed from its text form, named, and used to select communes.
 */
import type { CommuneRef, CommuneTable } from './inputs';

export type Territory = { kind: 'france' } | { kind: 'region' | 'departement' | 'epci'; code: string };

const FORMS: Record<'region' | 'departement' | 'epci', { pattern: RegExp; example: string }> = {
  region: { pattern: /^\d{2}$/, example: 'region:52' },
  departement: { pattern: /^(\d{2}|2[AB]|97\d)$/, example: 'departement:44' },
  epci: { pattern: /^\d{9}$/, example: 'epci:244400404' },
};

export class TerritoryError extends Error {}

/** Parses `france`, `region:52`, `departement:2A`, `epci:244400404`; throws a French message. */
export function parseTerritory(text: string): Territory {
  const value = text.trim();
  if (value.toLowerCase() === 'france') return { kind: 'france' };
  const [kind, code, ...rest] = value.split(':');
  const form = FORMS[kind?.toLowerCase() as keyof typeof FORMS];
  if (!form || code === undefined || rest.length > 0) {
    throw new TerritoryError(`territoire « ${text} » illisible : attendu france, region:<code>, departement:<code> ou epci:<siren> (ex. departement:44)`);
  }
  const normalized = code.trim().toUpperCase();
  if (!form.pattern.test(normalized)) throw new TerritoryError(`code « ${code} » invalide pour ${kind} (ex. ${form.example})`);
  return { kind: kind!.toLowerCase() as 'region' | 'departement' | 'epci', code: normalized };
}

export function formatTerritory(t: Territory): string {
  return t.kind === 'france' ? 'france' : `${t.kind}:${t.code}`;
}

/** File-name form: `france`, `departement-44`. */
export function territorySlug(t: Territory): string {
  return t.kind === 'france' ? 'france' : `${t.kind}-${t.code}`;
}

export function inTerritory(t: Territory, c: CommuneRef): boolean {
  switch (t.kind) {
    case 'france':
      return true;
    case 'region':
      return c.region === t.code;
    case 'departement':
      return c.departement === t.code;
    case 'epci':
      return c.epci === t.code;
  }
}

export function communesOf(t: Territory, table: CommuneTable): CommuneRef[] {
  return t.kind === 'france' ? table.list : table.list.filter((c) => inTerritory(t, c));
}

/** Display name (« Loire-Atlantique », « France »), null when the code is unknown. */
export function territoryName(t: Territory, table: CommuneTable): string | null {
  switch (t.kind) {
    case 'france':
      return 'France';
    case 'region':
      return table.names.regions.get(t.code) ?? null;
    case 'departement':
      return table.names.departements.get(t.code) ?? null;
    case 'epci':
      return table.names.epci.get(t.code) ?? null;
  }
}

/** The structures located in a territory (by their commune): the one rule, for every route. */
export function structuresIn<T extends { commune: string }>(t: Territory, table: Pick<CommuneTable, 'byCode'>, structures: readonly T[]): T[] {
  if (t.kind === 'france') return structures.filter((s) => table.byCode.has(s.commune));
  return structures.filter((s) => {
    const c = table.byCode.get(s.commune);
    return c !== undefined && inTerritory(t, c);
  });
}
