/**
 * The six national protocoles de coopération for unscheduled care (authorised in March 2020), as
 * the curated list words them; the revision date is the first dated arrêté of its revision note.
 */
import { firstFrenchDate, orNull, REAL, type Row } from './care-rows';
import type { CuratedLists } from './curated-files';

const list = (s: string) => s.split(/\s+;\s+/).map((x) => x.trim()).filter(Boolean);

export function defaultProtocols(lists: CuratedLists): Row[] {
  return lists.protocols.map((r) => ({
    id: r.id, title: r.titre, delegants: list(r.delegant!), delegues: list(r.delegue!), scope: 'national',
    concerns_snp: r.soins_non_programmes === 'oui', open_to_cpts: orNull(r.ouvert_cpts), authorised_on: orNull(r.annee_autorisation),
    revised_on: r.revision ? firstFrenchDate(r.revision) : null, framework: orNull(r.cadre),
    note: [r.revision ? `révision : ${r.revision}` : null, r.note || null].filter(Boolean).join(' ; ') || null, source: r.source, ...REAL,
  }));
}
