/** Find a CPTS: every CPTS known, filtered by name, département or status; each links to its page. */
import { useMemo } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { patchParams, useSearchParams } from '../../url-state';
import { cptsPath } from '../../routes';
import { useCptsList } from '../../../features/cpts/api/list-cpts';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { DemoBadge } from '../../../lib/ui/DemoBadge';
import { formatInteger } from '../../../lib/format';
import { normalise } from '../../../lib/normalise';

export function CptsListPage() {
  const params = useSearchParams();
  const q = params.get('q') ?? '';
  const dep = params.get('departement') ?? '';
  const list = useCptsList();
  const departements = useMemo(() => [...new Set((list.data?.cpts ?? []).map((c) => c.departement).filter(Boolean) as string[])].sort(), [list.data]);
  return (
    <div className="maillage-page fr-container fr-py-3w">
      <h1 className="fr-h3">Trouver une CPTS</h1>
      <p className="fr-text--sm">Communautés professionnelles territoriales de santé connues de la base, avec leur statut et la population de leurs communes. Vous pouvez aussi cliquer une CPTS sur la <a href="/">carte</a>.</p>
      <div className="maillage-filters">
        <Input label="Nom de la CPTS ou d’une commune du siège" nativeInputProps={{ type: 'search', value: q, onChange: (e) => patchParams({ q: e.target.value || null }, { replace: true }) }} />
        <Select label="Département" nativeSelectProps={{ value: dep, onChange: (e) => patchParams({ departement: e.target.value || null }, { replace: true }) }}>
          <option value="">Tous</option>
          {departements.map((d) => <option key={d} value={d}>{d}</option>)}
        </Select>
      </div>
      <QueryStatus query={list} what="la liste des CPTS" isEmpty={(d) => d.cpts.length === 0} empty="Aucune CPTS dans la base.">
        {(data) => {
          const words = normalise(q);
          const rows = data.cpts.filter((c) => (!dep || c.departement === dep) && (!words || normalise(`${c.nom} ${c.siege?.nom ?? ''}`).includes(words)));
          return (
            <>
              <p className="fr-text--sm" role="status">{rows.length} CPTS sur {data.cpts.length}</p>
              <ul className="maillage-cpts-list">
                {rows.map((c) => (
                  <li key={c.id} className="maillage-cpts-list__item">
                    <h2 className="fr-h6 fr-mb-1v"><a href={cptsPath(c.id)}>{c.nom}</a> {c.demonstration && <DemoBadge />}</h2>
                    <p className="fr-text--sm fr-mb-0">
                      <Badge small as="span" severity={c.statut === 'ACI signé' ? 'success' : c.statut === 'projet de santé' ? 'info' : c.statut === 'non renseigné' ? 'new' : 'warning'}>{c.statut === 'non renseigné' ? 'statut non renseigné' : c.statut}</Badge>{' '}
                      {c.departement ? `Département ${c.departement} · ` : ''}
                      {c.territoireRenseigne ? `${formatInteger(c.communes.total)} communes, ${formatInteger(c.population.calculee)} hab.` : 'communes non renseignées'}
                      {c.population.declaree !== null ? ` (déclarée : ${formatInteger(c.population.declaree)} hab.)` : ''}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          );
        }}
      </QueryStatus>
    </div>
  );
}
