/** The proposals of a CPTS (or of a territory) with their state, reason and a link to open each on the map. */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { proposalPath, STATE_LABELS, STATE_SEVERITY, type Proposal } from '../api/proposals';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) : '—');
const codes = (l: string[]) => (l.length ? l.join(', ') : 'aucune');

export function ProposalList({ proposals, caption, showCpts = false, action }: { proposals: Proposal[]; caption: string; showCpts?: boolean; action: (p: Proposal) => string }) {
  if (proposals.length === 0) return <p className="fr-text--sm">{caption} : aucune.</p>;
  return (
    <div className="fr-table fr-table--sm fr-mb-2w">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>{showCpts && <th scope="col">CPTS</th>}<th scope="col">État</th><th scope="col">Ajouts</th><th scope="col">Retraits</th><th scope="col">Modifiée le</th><th scope="col">Ouvrir</th></tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <tr key={p.id} data-proposition={p.id}>
              {showCpts && <td>{p.cpts}</td>}
              <td>
                <Badge small severity={STATE_SEVERITY[p.etat]} noIcon>{STATE_LABELS[p.etat]}</Badge>
                {p.conflits.length > 0 && <Badge small severity="warning" className="fr-ml-1v">Conflit : {p.conflits.map((c) => `${c.id} (${c.communes.join(', ')})`).join(' ; ')}</Badge>}
                {p.motif && <p className="fr-text--xs fr-mb-0">{p.etat === 'refusée' ? 'Motif du refus' : 'Note'} : {p.motif}</p>}
                {p.aPartirDu && <p className="fr-text--xs fr-mb-0">Périmètre à partir du {day(`${p.aPartirDu}T12:00:00Z`)}</p>}
              </td>
              <td>{codes(p.ajouts)}</td>
              <td>{codes(p.retraits)}</td>
              <td>{day(p.modifieeLe)}</td>
              <td><a href={proposalPath(p)}>{action(p)}<span className="fr-sr-only"> la proposition {p.id}</span></a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
