/**
 * CPTS of the embedded default: the six sourced CPTS (Pays de la Loire, La Réunion) with only the
 * communes their sources name. The Grand Saumurois commune list is an inference (« les 45
 * communes », CA Saumur Val de Loire) and is NOT loaded: that CPTS keeps its text territory only.
 */
import { coverage, cptsStatus } from '../../../server/src/ingest/care-vocabulary';
import { InvariantError } from '../invariant-error';
import type { CuratedLists } from './curated-files';
import { orNull, REAL, type DefaultContext, type Row } from './care-rows';

export function defaultCpts(lists: CuratedLists, ctx: DefaultContext, departements: Set<string>): { cpts: Row[]; communes: Row[] } {
  const problems: string[] = [];
  const cpts: Row[] = [];
  const communes: Row[] = [];
  for (const r of lists.cpts) {
    const members = lists.cptsCommunes.filter((m) => m.cpts_id === r.cpts_id);
    const inScope = members.some((m) => ctx.communes.has(m.commune_insee!)) || departements.has(r.dep!);
    if (!inScope) continue;
    const status = cptsStatus(r.statut!);
    if (!status.ok) { problems.push(`${r.cpts_id} : ${status.message}`); continue; }
    const territory = [r.territoire_texte, r.territoire_niveau && r.territoire_niveau !== 'communes (listées)' ? `(${r.territoire_niveau})` : ''].filter(Boolean).join(' ');
    cpts.push({
      id: r.cpts_id, name: r.nom, status: status.value, status_date: orNull(r.date_statut),
      declared_population: r.population_declaree ? Number(r.population_declaree) : null,
      headquarters_commune: r.siege_commune_insee && ctx.communes.has(r.siege_commune_insee) ? r.siege_commune_insee : null,
      headquarters_address: orNull(r.siege_adresse), departement: orNull(r.dep), territory_note: territory || null,
      note: [r.statut !== status.value ? `statut cité : « ${r.statut} »` : null, r.note || null].filter(Boolean).join(' ; ') || null,
      source: r.source, source_date: null, ...REAL,
    });
    for (const m of members) {
      if (!ctx.communes.has(m.commune_insee!)) continue;
      const cov = coverage(m.couverture!);
      if (!cov.ok) { problems.push(`${m.cpts_id} × ${m.commune_insee} : ${cov.message}`); continue; }
      communes.push({ cpts_id: m.cpts_id, commune: m.commune_insee, coverage: cov.value.coverage, note: cov.value.note, source: m.source, ...REAL });
    }
  }
  if (problems.length > 0) throw new InvariantError('CPTS des listes curées', problems);
  return { cpts, communes };
}
