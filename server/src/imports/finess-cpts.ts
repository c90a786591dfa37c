/**
 * A CPTS that FINESS registers (category 604) as a CPTS of the application: named, placed at its
 * address (the FINESS geolocation, else its commune's point), its stage (« non renseigné ») and its
 * perimeter unknown until an ARS imports its communes under the same identifier `finess:<n°>`.
 * Without communes it counts among the CPTS known, never in the population covered (a CPTS
 * covers only the communes listed for it: analysis/cpts-coverage.ts).
 */
import { CPTS_STATUS_NOT_KNOWN } from '../db/care-schema';
import type { Row } from '../db/care-write-queries';
import type { CommuneRef } from '../db/import-queries';
import type { FinessEstablishment } from '../ingest/read-finess';

export const FINESS_CPTS_NOTE =
  'CPTS immatriculée au FINESS (catégorie 604) : périmètre non renseigné tant que la liste de ses communes n\'est pas importée '
  + '(identifiant finess:<n° FINESS> dans le modèle « CPTS ») ; stade (pré-projet, projet de santé, ACI) non donné par le FINESS.';

export function finessCptsRow(e: FinessEstablishment, commune: CommuneRef, ctx: { source: string; date: string | null; importId: string }): Row {
  return {
    id: `finess:${e.finessEt}`, name: e.name, status: CPTS_STATUS_NOT_KNOWN, status_date: null, declared_population: null,
    finess_et: e.finessEt, headquarters_commune: commune.code, headquarters_address: e.address,
    headquarters_lon: e.position?.lon ?? null, headquarters_lat: e.position?.lat ?? null,
    departement: commune.departement, territory_note: null, note: FINESS_CPTS_NOTE,
    source: ctx.source, source_date: ctx.date, demo: false, import_id: ctx.importId,
  };
}
