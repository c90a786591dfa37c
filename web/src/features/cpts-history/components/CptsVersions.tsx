/**
 * « Historique du périmètre » : each version of the CPTS (the data's, then each validated
 * proposal) with its validity, what changed and who decided; a link shows the page « au » a day.
 * With `date=` in the address the page, its map and its figures are those of that day.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { patchParams, useSearchParams } from '../../../app/url-state';
import { QueryStatus } from '../../../lib/ui/QueryStatus';
import { useCptsVersions } from '../api/get-versions';

const day = (d: string | null) => (d ? new Date(`${d}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : null);
const before = (d: string) => new Date(Date.parse(`${d}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function CptsVersions({ id }: { id: string }) {
  const versions = useCptsVersions(id);
  const date = useSearchParams().get('date');
  return (
    <section className="fr-mt-3w" aria-labelledby="historique-titre">
      <h2 id="historique-titre" className="fr-h6 fr-mb-1w">Historique du périmètre</h2>
      {date && (
        <Alert severity="info" small className="fr-mb-1w" description={<>Page affichée au {day(date)}. <button type="button" className="fr-link" onClick={() => patchParams({ date: null })}>Revenir à aujourd’hui</button></>} />
      )}
      <QueryStatus query={versions} what="l'historique">
        {(d) => (
          <ol className="fr-text--sm">
            {d.versions.map((v) => (
              <li key={v.version} data-version={v.version}>
                <strong>Version {v.version}</strong>{' '}
                {v.aPartirDu ? `à partir du ${day(v.aPartirDu)}` : 'données d’origine'}{v.jusquAu ? ` jusqu’au ${day(before(v.jusquAu))}` : ' (en vigueur)'} — {v.communes} commune(s), {v.statut}
                {v.version > 0 && <> — ajouts : {v.ajouts.join(', ') || 'aucun'} ; retraits : {v.retraits.join(', ') || 'aucun'} ; décidée par {v.decidePar}</>}
                {v.jusquAu && <> — <button type="button" className="fr-link fr-text--sm" onClick={() => patchParams({ date: before(v.jusquAu!) })}>voir au {day(before(v.jusquAu))}</button></>}
              </li>
            ))}
          </ol>
        )}
      </QueryStatus>
    </section>
  );
}
