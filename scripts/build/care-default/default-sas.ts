/**
 * SAS of the embedded default, one row per département of the curated list (the 22 pilot
 * projects announced on 2020-11-23, split by département, and the Vendée launch). Status mapping:
 *   - a dated start (« opérationnel » in Moselle, 2021; partial start in Haute-Garonne, late
 *     spring 2021; Vendée « lancé » with its convention of 2023-04-27) → « opérationnel »;
 *   - otherwise « pilote » (retained as a pilot site in 2020): no dated fact says more.
 * Départements absent from the list get NO row: the API says « non renseigné », never « aucun ».
 * No filière is dated in the sources: no sas_filieres row.
 */
import { REAL, type Row } from './care-rows';
import type { CuratedLists } from './curated-files';

export function defaultSas(lists: CuratedLists, departements: Set<string>): Row[] {
  return lists.sas.filter((r) => departements.has(r.dep!)).map((r) => {
    const started = r.statut === 'lancé' || r.date_type === 'opérationnel' || r.date_type === 'démarrage partiel';
    const year = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(r.date_lancement ?? '')?.[0] ?? null;
    const pilotNote = r.statut!.startsWith('site pilote') ? `site pilote retenu le 2020-11-23 (démarrage prévu en janvier 2021)` : `statut cité : « ${r.statut} »`;
    const scope = /\((.*)\)/.exec(r.dep_nom!)?.[1];
    return {
      departement: r.dep, status: started ? 'opérationnel' : 'pilote', start_date: started ? year : null,
      start_date_note: started ? [r.date_type, r.date_lancement !== year ? r.date_lancement : null].filter(Boolean).join(' : ') : null,
      telephone: null, note: [pilotNote, scope ?? null, r.note || null].filter(Boolean).join(' ; '), source: r.source, ...REAL,
    };
  });
}
