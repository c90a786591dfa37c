/**
 * A draft perimeter of a CPTS: the official communes, plus those added, minus those removed, and
 * what the change does — population gained and lost, overlaps with other CPTS created or removed,
 * zones blanches filled or opened. Pure set logic on the membership of each commune.
 */
export interface Membership {
  code: string;
  nom: string;
  population: number;
  /** Every CPTS that lists the commune (the edited one included, when it does). */
  cpts: { id: string; nom: string }[];
  /** Is the CPTS list of the commune's département complete? A commune in no CPTS is a zone blanche only then. */
  listeCptsComplete?: boolean;
}

export interface DraftChange {
  added: string[];
  removed: string[];
}

/** The draft set: official ∪ added ∖ removed (sorted, no duplicates). */
export function draftCommunes(official: readonly string[], { added, removed }: DraftChange): string[] {
  const set = new Set(official);
  for (const c of added) set.add(c);
  for (const c of removed) set.delete(c);
  return [...set].sort();
}

/** Clicking a commune: in the draft → out, out → in (undoing an earlier change rather than piling one up). */
export function toggleCommune(official: readonly string[], change: DraftChange, code: string): DraftChange {
  const isOfficial = official.includes(code);
  const inDraft = draftCommunes(official, change).includes(code);
  if (inDraft) {
    return isOfficial ? { added: change.added, removed: [...change.removed, code].sort() } : { added: change.added.filter((c) => c !== code), removed: change.removed };
  }
  return isOfficial ? { added: change.added, removed: change.removed.filter((c) => c !== code) } : { added: [...change.added, code].sort(), removed: change.removed };
}

export interface DraftEffects {
  communes: number;
  population: number;
  populationOfficial: number;
  /** Communes added that another CPTS already lists: new overlaps. */
  overlapsCreated: Membership[];
  /** Communes removed that another CPTS also lists: overlaps that disappear. */
  overlapsRemoved: Membership[];
  /** Communes added that no CPTS listed: zones blanches filled. */
  zonesBlanchesFilled: Membership[];
  /** Communes removed that no other CPTS lists: new zones blanches. */
  zonesBlanchesOpened: Membership[];
  /** Communes whose membership is not known yet (still loading). */
  unknown: string[];
}

export function draftEffects(self: string, official: readonly string[], change: DraftChange, membership: ReadonlyMap<string, Membership>): DraftEffects {
  const draft = draftCommunes(official, change);
  const officialSet = new Set(official);
  const draftSet = new Set(draft);
  const others = (m: Membership) => m.cpts.filter((p) => p.id !== self);
  const unknown: string[] = [];
  const known = (codes: Iterable<string>) => {
    const out: Membership[] = [];
    for (const c of codes) {
      const m = membership.get(c);
      if (m) out.push(m);
      else unknown.push(c);
    }
    return out;
  };
  const added = known([...draftSet].filter((c) => !officialSet.has(c)));
  const removed = known([...officialSet].filter((c) => !draftSet.has(c)));
  const population = (codes: Iterable<string>) => [...codes].reduce((s, c) => s + (membership.get(c)?.population ?? 0), 0);
  return {
    communes: draft.length,
    population: population(draftSet),
    populationOfficial: population(officialSet),
    overlapsCreated: added.filter((m) => others(m).length > 0),
    overlapsRemoved: removed.filter((m) => others(m).length > 0),
    zonesBlanchesFilled: added.filter((m) => others(m).length === 0),
    zonesBlanchesOpened: removed.filter((m) => others(m).length === 0),
    unknown: [...new Set(unknown)].sort(),
  };
}

/** The change as URL parameters (`ajouts=`, `retraits=`), and back. */
export function parseChange(added: string | null, removed: string | null): DraftChange {
  const list = (v: string | null) => [...new Set((v ?? '').split(',').map((s) => s.trim().toUpperCase()).filter((s) => /^(\d{5}|2[AB]\d{3})$/.test(s)))].sort();
  return { added: list(added), removed: list(removed) };
}

/** Structures whose commune the draft brings in, and those it leaves out. */
export function structuresChange<T extends { commune: string }>(structures: readonly T[], official: readonly string[], draft: readonly string[]): { entering: T[]; leaving: T[] } {
  const o = new Set(official);
  const d = new Set(draft);
  return { entering: structures.filter((s) => d.has(s.commune) && !o.has(s.commune)), leaving: structures.filter((s) => o.has(s.commune) && !d.has(s.commune)) };
}
