/**
 * Key figures of the chosen territory — CPTS and SAS coverage, offer, SNP access — against the
 * PRS targets, and bars per sub-territory. Follows the territory and the CPTS status filter.
 */
import { useCptsCoverage, type CptsStatusFilter } from '../../coverage/api/get-cpts-coverage';
import { useSasCoverage, type SasCoverage } from '../../sas/api/get-sas-coverage';
import { useSnpAccess } from '../../access/api/get-snp-access';
import { useIndicators } from '../api/get-indicators';
import { useSubTerritoryCoverage, type SubTerritory } from '../api/use-sub-territory-coverage';
import { targetsFor, type TargetId } from '../prs-targets';
import { KeyFigure } from './KeyFigure';
import { BarChart } from './BarChart';
import { formatDecimal, formatInteger, formatPercent } from '../../../lib/format';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

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
  return d ? (d.etat === 'couvert' ? 1 : 0) : null;
}

const STATUS_LABEL: Record<CptsStatusFilter, string> = { all: 'toutes CPTS', projet: 'projet de santé et au-delà', aci: 'ACI signé' };

export function IndicatorPanel({ territory, nom, regionCode, status, subTerritories }: IndicatorPanelProps) {
  const cpts = useCptsCoverage(territory, status);
  const sas = useSasCoverage(territory);
  const offer = useIndicators(territory);
  // The heavier figures wait for the main ones, so that the map's own requests go first.
  const mainLoaded = cpts.isSuccess && offer.isSuccess;
  const access = useSnpAccess(territory, mainLoaded);
  const subs = useSubTerritoryCoverage(subTerritories, status, mainLoaded);
  const targets = targetsFor(regionCode);
  const target = (id: TargetId) => targets.find((t) => t.id === id);
  const pending = (q: { isPending: boolean; isError: boolean; error: Error | null }) =>
    q.isPending ? <span className="maillage-loading" role="status">chargement…</span> : q.isError ? <span className="fr-error-text fr-mt-0">indisponible : {q.error?.message}</span> : null;

  const suCount = offer.data?.offre.total.nombre.SU ?? null;
  const suWithout = access.data?.suSansMmg.liste.length ?? null;
  const mmgShare = suCount && suWithout !== null ? (suCount - suWithout) / suCount : null;
  const demo = Boolean(cpts.data?.donneesDemonstration || sas.data?.donneesDemonstration || offer.data?.donneesDemonstration || access.data?.donneesDemonstration);

  return (
    <section className="maillage-indicators" aria-labelledby="indicateurs-titre">
      <h2 id="indicateurs-titre" className="fr-h5 fr-mb-1w">Indicateurs — {nom} {demo && <DemoBadge />}</h2>
      <dl className="maillage-figures-list">
        <KeyFigure
          label={`Population couverte par une CPTS (${STATUS_LABEL[status]})`}
          value={pending(cpts) ?? formatPercent(cpts.data!.population.part)}
          detail={cpts.data && `${formatInteger(cpts.data.population.couverte)} hab. sur ${formatInteger(cpts.data.population.totale)} ; ${formatInteger(cpts.data.communes.nonCouvertes)} communes en zone blanche`}
          share={cpts.data?.population.part ?? null}
          target={target('cpts')}
        />
        <KeyFigure
          label="Population couverte par un SAS (aujourd’hui)"
          value={pending(sas) ?? formatPercent(sas.data!.population.part)}
          detail={sas.data && `${formatInteger(sas.data.population.couverte)} hab.`}
          share={sas.data?.population.part ?? null}
          target={target('sas')}
        />
        <KeyFigure
          label="Sites d’urgence avec une MMG à moins de 10 km"
          value={pending(offer) ?? pending(access) ?? (suCount ? `${formatInteger(suCount - (suWithout ?? 0))} sur ${formatInteger(suCount)}` : 'aucun site d’urgence connu')}
          share={mmgShare}
          target={suCount ? target('mmg-su') : undefined}
        />
        <KeyFigure
          label="Population à plus de 30 km d’une offre de soins non programmés"
          value={pending(access) ?? formatPercent(access.data!.auDelaDuSeuil.part)}
          detail={access.data && `${formatInteger(access.data.auDelaDuSeuil.population)} hab., ${formatInteger(access.data.auDelaDuSeuil.communes)} communes`}
          share={access.data?.auDelaDuSeuil.part ?? null}
          target={target('acces-30km')}
        />
      </dl>
      {offer.data && (
        <table className="maillage-mini-table fr-mb-2w">
          <caption className="fr-text--sm">Offre de soins du territoire</caption>
          <thead><tr><th scope="col">Type</th><th scope="col">Nombre</th><th scope="col">Pour 10 000 hab.</th></tr></thead>
          <tbody>
            {(['MSP', 'CDS', 'MMG', 'SU'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{k === 'CDS' ? 'Centres de santé' : k === 'SU' ? 'Sites d’urgence' : k}</th>
                <td>{formatInteger(offer.data.offre.total.nombre[k])}</td>
                <td>{formatDecimal(offer.data.offre.total.pour10000[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
