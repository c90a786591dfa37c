/** Row shapes of the default care offer and small helpers shared by its modules. */
import type { CommuneRow } from '../communes-table';

export type Row = Record<string, unknown>;

export interface DefaultContext {
  /** Communes of the build (its scope), by code. */
  communes: Map<string, CommuneRow>;
}

export const REAL = { demo: false, import_id: null } as const;
export const DEMO = { demo: true, import_id: null, source: 'démonstration' } as const;

export const orNull = (s: string | undefined) => (s ? s : null);

export const slug = (s: string) =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

/** The latest ISO partial date written in a text (« 2017-06 / 2023-02 » → 2023-02). */
export function latestDate(text: string): string | null {
  const dates = [...text.matchAll(/\b(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b/g)].map((m) => m[0]);
  return dates.sort().pop() ?? null;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The first French date of a text (« arrêté du 9 mars 2023 » → 2023-03-09), or null. */
export function firstFrenchDate(text: string): string | null {
  const m = new RegExp(`\\b(\\d{1,2})(?:er)? (${MONTHS.join('|')}) (\\d{4})\\b`, 'i').exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
