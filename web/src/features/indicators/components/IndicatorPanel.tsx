/**
 * Key figures of the chosen territory — CPTS and SAS coverage, offer, SNP access — against the
 * PRS targets, and bars per sub-territory. Follows the territory and the CPTS status filter.
 */
import { useCptsCoverage, type CptsCoverage, type CptsStatusFilter } from '../../coverage/api/get-cpts-coverage';
import { useSasCoverage, type SasCoverage } from '../../sas/api/get-sas-coverage';
import { useSnpAccessStates } from '../../access/api/get-snp-access-states';
import { useIndicators } from '../api/get-indicators';
import { useSubTerritoryCoverage, type SubTerritory } from '../api/use-sub-territory-coverage';
import { targetsFor, type TargetId } from '../prs-targets';
import { KeyFigure } from './KeyFigure';
import { FigureList } from './FigureList';
import { cptsCoverageExportUrl } from '../../coverage/api/get-cpts-coverage';
import { snpAccessExportUrl } from '../../access/api/get-snp-access';
import { BarChart } from './BarChart';
import { formatDecimal, formatInteger, formatPercent } from '../../../lib/format';
import { DemoBadge } from '../../../lib/ui/DemoBadge';
import { frenchDay } from '../../../app/as-of-date';
import { ListsCompleteness } from '../../structures/components/ListsCompleteness';

export interface IndicatorPanelProps {
  territory: string;
  nom: string;
  regionCode: string | null;
  status: CptsStatusFilter;
  subTerritories: SubTerritory[];
}

function sasShare(data: SasCoverage, s: SubTerritory): number | null {
  if (s.territory.startsWith('region:')) return data.regions.find((r) => r.code === s.code)?.part ?? null;
  const d = data.departements.find((x) => x.code === s.code);
  // A département without any SAS row is « non renseigné »: no bar, never 0 %.
  return d && d.etat !== 'non renseigné' ? (d.etat === 'couvert' ? 1 : 0) : null;
}

/** The API gives rates per 10 000; per 100 000 shows the small rates of a large département (0,2 rather than 0). */
const per100k = (v: number | null | undefined) => (v === null || v === undefined ? null : v * 10);

/** « 464 749 hab. sur 1 487 570[, dont … en couverture partielle] ; 200 communes en zone blanche ; couverture calculée sur … ». */
function cptsDetail(c: CptsCoverage): string {
  const complete = !!c.completude && c.completude.departementsComplets.length > 0;
  // Covered where the list is complete = covered − covered in the other départements.
  const coveredKnown = c.population.couverte - (c.population.totale - c.population.renseignee - c.population.nonRenseignee);
  const head = complete
    ? `${formatInteger(coveredKnown)} hab. sur ${formatInteger(c.population.renseignee)}`
    : `${formatInteger(c.population.couverte)} hab. sur ${formatInteger(c.population.totale)} dans une CPTS importée`;
  const partial = c.population.couvertePartiellement > 0
    ? `, dont ${formatInteger(c.population.couvertePartiellement)} hab. en couverture partielle (${c.partielles.map((x) => x.nom).join(', ')} : quelques quartiers seulement, comptés couverts)`
    : '';
  const blank = complete ? ` ; ${formatInteger(c.communes.nonCouvertes)} communes en zone blanche` : '';
  const known = c.cptsConnues.sansPerimetre > 0
    ? ` ; ${formatInteger(c.cptsConnues.total)} CPTS connues, dont ${formatInteger(c.cptsConnues.sansPerimetre)} au périmètre non renseigné (comptées dans aucune couverture)`
    : '';
  return `${head}${partial}${blank}${known}${c.completude ? ` ; ${c.completude.phrase}` : ''}`;
}

const STATUS_LABEL: Record<CptsStatusFilter, string> = { all: 'toutes CPTS', projet: 'projet de santé et au-delà', aci: 'ACI signé' };

export function IndicatorPanel({ territory, nom, regionCode, status, subTerritories }: IndicatorPanelProps) {
  const cpts = useCptsCoverage(territory, status);
  const sas = useSasCoverage(territory);
  const offer = useIndicators(territory);
  // The heavier figures wait for the main ones, so that the map's own requests go first.
  const mainLoaded = cpts.isSuccess && offer.isSuccess;
  const access = useSnpAccessStates(territory, mainLoaded);
  const subs = useSubTerritoryCoverage(territory, subTerritories, status, mainLoaded);
  const targets = targetsFor(regionCode);
  const target = (id: TargetId) => targets.find((t) => t.id === id);
  const pending = (q: { isPending: boolean; isError: boolean; error: Error | null }) =>
    q.isPending ? <span className="maillage-loading" role="status">chargement…</span> : q.isError ? <span className="fr-error-text fr-mt-0">indisponible : {q.error?.message}</span> : null;

  const suCount = offer.data?.offre.total.nombre.SU ?? null;
  const suWithout = access.data?.suSansMmg.liste.length ?? null;
  const mmgShare = suCount && suWithout !== null ? (suCount - suWithout) / suCount : null;
  // Known vs not known: without a complete list, an absence is « non renseigné », never a figure.
  const mmgUnknown = access.data ? access.data.completude.mmg.departementsComplets.length === 0 : false;
  const snpUnknown = access.data ? access.data.completude.snp.departementsComplets.length === 0 : false;
  const demo = Boolean(cpts.data?.donneesDemonstration || sas.data?.donneesDemonstration || offer.data?.donneesDemonstration || access.data?.donneesDemonstration);

  return (
    <section className="maillage-indicators" aria-labelledby="indicateurs-titre">
      <h2 id="indicateurs-titre" className="fr-h5 fr-mb-1w">Indicateurs — {nom} {demo && <DemoBadge />}</h2>
      <dl className="maillage-figures-list">
        <KeyFigure
          label={`Population couverte par une CPTS, calculée (${STATUS_LABEL[status]})${cpts.data?.date ? ` au ${frenchDay(cpts.data.date)}` : ''}`}
          value={pending(cpts) ?? (cpts.data!.population.part === null ? 'non renseigné' : formatPercent(cpts.data!.population.part))}
          detail={cpts.data && cptsDetail(cpts.data)}
          share={cpts.data?.population.part ?? null}
          target={target('cpts')}
          list={cpts.data && (
            <FigureList
              what="communes en zone blanche (aucune CPTS)"
              rows={cpts.data.zonesBlanches}
              rowKey={(r) => r.code}
              columns={[{ header: 'Commune', cell: (r) => `${r.nom} (${r.code})` }, { header: 'Habitants', cell: (r) => formatInteger(r.population) }]}
              csvUrl={cptsCoverageExportUrl(territory, status, 'csv', 'zones-blanches')}
            />
          )}
        />
        <KeyFigure
          label={`Population couverte par un SAS, calculée${sas.data ? ` au ${frenchDay(sas.data.date)}` : ''}`}
          value={pending(sas) ?? (sas.data!.population.part === null ? 'non renseigné' : formatPercent(sas.data!.population.part))}
          detail={sas.data && `${formatInteger(sas.data.population.couverte)} hab. ; ${sas.data.completude.phrase}`}
          share={sas.data?.population.part ?? null}
          target={target('sas')}
        />
        <KeyFigure
          label="Sites d’urgence avec une MMG à moins de 10 km"
          value={pending(offer) ?? pending(access) ?? (mmgUnknown ? 'non renseigné' : suCount ? `${formatInteger(suCount - (suWithout ?? 0))} sur ${formatInteger(suCount)}` : 'aucun site d’urgence connu')}
          detail={access.data?.completude.mmg.phrase}
          share={mmgUnknown ? null : mmgShare}
          target={suCount ? target('mmg-su') : undefined}
          of={suCount ?? undefined}
          list={access.data && (
            <FigureList
              what={`sites d’urgence sans MMG à moins de ${access.data.suSansMmg.seuilKm} km`}
              rows={access.data.suSansMmg.liste}
              rowKey={(r) => r.id}
              columns={[
                { header: 'Site d’urgence', cell: (r) => r.nom },
                { header: 'MMG la plus proche', cell: (r) => r.mmgLaPlusProche?.nom ?? 'aucune MMG connue' },
                { header: 'Distance (route estimée)', cell: (r) => (r.mmgLaPlusProche ? `${formatDecimal(r.mmgLaPlusProche.distanceRouteKm)} km` : '—') },
              ]}
              csvUrl={snpAccessExportUrl(territory, 'csv', 'su-sans-mmg')}
            />
          )}
        />
        <KeyFigure
          label="Population à plus de 30 km d’une offre de soins non programmés"
          value={pending(access) ?? (snpUnknown ? 'non renseigné' : formatPercent(access.data!.auDelaDuSeuil.part))}
          detail={access.data && `${snpUnknown ? '' : `${formatInteger(access.data.auDelaDuSeuil.population)} hab., ${formatInteger(access.data.auDelaDuSeuil.communes)} communes ; `}${access.data.completude.snp.phrase}`}
          share={snpUnknown ? null : access.data?.auDelaDuSeuil.part ?? null}
          target={target('acces-30km')}
          list={access.data && (
            <FigureList
              what={`communes à plus de ${access.data.auDelaDuSeuil.seuilKm} km par la route`}
              rows={access.data.auDelaDuSeuil.liste}
              rowKey={(r) => r.code}
              columns={[
                { header: 'Commune', cell: (r) => `${r.nom} (${r.code})` },
                { header: 'Habitants', cell: (r) => formatInteger(r.population) },
                { header: 'Distance (route estimée)', cell: (r) => (r.distanceRouteKm === null ? 'aucune offre' : `${formatDecimal(r.distanceRouteKm)} km`) },
              ]}
              csvUrl={snpAccessExportUrl(territory, 'csv', 'au-dela-du-seuil')}
            />
          )}
        />
      </dl>
      {offer.data && (
        <table className="maillage-mini-table fr-mb-2w">
          <caption className="fr-text--sm">Offre de soins du territoire</caption>
          <thead><tr><th scope="col">Type</th><th scope="col">Nombre</th><th scope="col">Pour 100 000 hab.</th></tr></thead>
          <tbody>
            {(['MSP', 'CDS', 'MMG', 'SU'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{k === 'CDS' ? 'Centres de santé' : k === 'SU' ? 'Sites d’urgence' : k}</th>
                <td>{offer.data.offre.total.nombre[k] === null ? 'non renseigné' : formatInteger(offer.data.offre.total.nombre[k])}</td>
                <td>{offer.data.offre.total.nombre[k] === null ? '—' : formatDecimal(per100k(offer.data.offre.total.pour10000[k]))}</td>
              </tr>
            ))}
          </tbody>
          {(['MSP', 'CDS', 'MMG', 'SU'] as const).some((k) => offer.data.offre.nonRenseigne[k].length > 0) && (
            <tfoot>
              <tr>
                <td colSpan={3} className="fr-text--xs">
                  Non renseigné (aucune structure de ce type connue) :{' '}
                  {(['MSP', 'CDS', 'MMG', 'SU'] as const).filter((k) => offer.data.offre.nonRenseigne[k].length > 0).map((k) => `${k === 'CDS' ? 'centres de santé' : k} dans ${offer.data.offre.nonRenseigne[k].length} département(s)`).join(', ')}.
                </td>
              </tr>
            </tfoot>
          )}
        </table>
      )}
      {offer.data && <ListsCompleteness answers={[offer.data.completude]} />}
      {subTerritories.length > 1 && (
        <>
          {subs.isPending ? <p className="fr-text--sm maillage-loading" role="status">Chargement de la couverture par sous-territoire…</p> : (
            <BarChart title="Population couverte par une CPTS" bars={subs.rows.map((r) => ({ key: r.code, label: r.nom, share: r.part }))} target={target('cpts')?.value ?? null} color="#18753c" />
          )}
          {sas.data && (
            <BarChart
              title="Population couverte par un SAS"
              bars={subTerritories.map((s) => ({ key: s.code, label: s.nom, share: sasShare(sas.data, s) }))}
              target={target('sas')?.value ?? null}
              color="#3f7f8c"
            />
          )}
        </>
      )}
      <details className="maillage-details fr-mt-1w">
        <summary className="fr-text--xs">Cibles PRS et méthodes</summary>
        <ul className="fr-text--xs">
          {targets.map((t) => <li key={t.id}>{t.label} : {t.direction === 'min' ? 'au moins' : 'au plus'} {formatPercent(t.value)} — {t.source}</li>)}
        </ul>
        {cpts.data && <p className="fr-text--xs">{cpts.data.methode}</p>}
      </details>
    </section>
  );
}
