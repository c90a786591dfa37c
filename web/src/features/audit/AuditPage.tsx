/** « Journal » : every write of the user's territory — who, when, what, before and after — exportable as CSV. */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { QueryStatus } from '../../lib/ui/QueryStatus';
import { auditCsvUrl, useAudit } from './api/get-audit';
import { useSession } from '../auth/api/get-session';

const ACTIONS: Record<string, string> = {
  import: 'Import', 'proposition.creation': 'Proposition enregistrée', 'proposition.modification': 'Proposition modifiée',
  'proposition.soumission': 'Proposition soumise', 'proposition.validation': 'Proposition validée', 'proposition.refus': 'Proposition refusée',
  'role.attribution': 'Rôle attribué', 'role.retrait': 'Rôle retiré', 'connexion.reussie': 'Connexion', 'connexion.echecs': 'Échecs de connexion répétés',
};

export function AuditPage() {
  const session = useSession();
  const audit = useAudit(Boolean(session.data?.utilisateur));
  return (
    <div className="fr-container fr-my-4w maillage-page">
      <h1>Journal des modifications</h1>
      <Button priority="secondary" size="small" linkProps={{ href: auditCsvUrl(), download: true }} className="fr-mb-2w">Exporter le journal (CSV)</Button>
      <QueryStatus query={audit} what="le journal" isEmpty={(d) => d.total === 0} empty="Aucune modification enregistrée sur votre territoire.">
        {(d) => (
          <div className="fr-table fr-table--sm">
            <table>
              <caption>{d.total} entrée(s), les plus récentes d’abord</caption>
              <thead><tr><th scope="col">Date</th><th scope="col">Qui</th><th scope="col">Action</th><th scope="col">Objet</th><th scope="col">Avant</th><th scope="col">Après</th></tr></thead>
              <tbody>
                {d.entrees.map((e) => (
                  <tr key={e.id}>
                    <td>{new Date(e.date).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</td>
                    <td>{e.auteur}</td>
                    <td>{ACTIONS[e.action] ?? e.action}</td>
                    <td>{e.objet}{e.detail ? ` — ${e.detail}` : ''}</td>
                    <td>{e.avant ?? '—'}</td>
                    <td>{e.apres ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStatus>
    </div>
  );
}
