/**
 * The official reference figures of a territory (baromètre de l'action publique), first on the
 * France and région views: each indicator's latest value at the page's date with its date, its
 * series, the 2026 target and whether it is met. Labelled « officiel », never mixed with the
 * figures computed from imported lists.
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { frenchDay } from '../../../app/as-of-date';
import { formatDecimal, formatInteger } from '../../../lib/format';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { useOfficialIndicators, type OfficialIndicator } from '../api/get-official-indicators';
import { SeriesChart } from './SeriesChart';

export interface OfficialIndicatorsProps {
  territory: string;
  /** Only these indicators, in this order (default: all). */
  only?: string[];
  title?: string;
}

/** CPTS and SAS coverage first: the headline figures of the France and région views. */
export const OFFICIAL_ORDER = ['IND-589', 'IND-587', 'IND-311', 'IND-318', 'IND-312', 'IND-679'];

const value = (i: OfficialIndicator, v: number) => (i.unite === 'pourcentage' ? `${formatDecimal(v)} %` : formatInteger(v));

function OfficialFigure({ i }: { i: OfficialIndicator }) {
  return (
    <div className="maillage-figure maillage-official" data-indicateur={i.id}>
      <dt className="maillage-figure__label">{i.libelle}</dt>
      <dd className="maillage-figure__value">
        {i.derniere ? (
          <span data-testid={`officiel-${i.id}`}>{value(i, i.derniere.valeur)} <span className="maillage-figure__date">au {frenchDay(i.derniere.date)}</span></span>
        ) : 'non publié à cette date'}
        {i.cible && (
          <span className="maillage-figure__target">
            Cible {i.cible.date.slice(0, 4)} : {value(i, i.cible.valeur)}{' '}
            {i.cibleAtteinte !== null && <Badge small as="span" severity={i.cibleAtteinte ? 'success' : 'warning'}>{i.cibleAtteinte ? 'atteinte' : 'non atteinte'}</Badge>}
          </span>
        )}
        <SeriesChart serie={i.serie} cible={i.cible} unite={i.unite} title={`${i.libelle} : série ${i.serie[0]?.date ?? ''} – ${i.serie.at(-1)?.date ?? ''}`} />
      </dd>
    </div>
  );
}

export function OfficialIndicators({ territory, only, title = 'Indicateurs officiels' }: OfficialIndicatorsProps) {
  const query = useOfficialIndicators(territory);
  return (
    <section className="maillage-official-block fr-mb-2w" aria-labelledby="officiels-titre">
      <h3 id="officiels-titre" className="fr-h6 fr-mb-1w">{title} <Badge small as="span" severity="info" noIcon>officiel</Badge></h3>
      <QueryStatus query={query} what="les indicateurs officiels" isEmpty={(d) => d.indicateurs.length === 0} empty="Aucun indicateur officiel publié pour ce territoire.">
        {(d) => {
          const order = only ?? [...OFFICIAL_ORDER, ...d.indicateurs.map((i) => i.id).filter((id) => !OFFICIAL_ORDER.includes(id))];
          const list = order.map((id) => d.indicateurs.find((i) => i.id === id)).filter((i): i is OfficialIndicator => !!i);
          return (
            <>
              <dl className="maillage-figures-list">{list.map((i) => <OfficialFigure key={i.id} i={i} />)}</dl>
              <p className="fr-text--xs maillage-source">Source : {list[0]?.source ?? d.indicateurs[0]?.source} — données publiées par la DITP.</p>
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}
