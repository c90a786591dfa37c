/**
 * Filter by protocole de coopération: the map keeps only the structures and CPTS that deploy the
 * chosen protocol, and says how many there are (and that deployments are known only when imported).
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDeployments, useProtocols } from '../api/list-protocols';
import { DemoBadge } from '../../../lib/ui/DemoBadge';

export interface ProtocolFilterProps {
  value: string | null;
  onChange: (id: string | null) => void;
}

export function ProtocolFilter({ value, onChange }: ProtocolFilterProps) {
  const protocols = useProtocols();
  const deployments = useDeployments(value);
  const d = deployments.data;
  return (
    <section className={`maillage-protocols fr-mt-2w${value ? '' : ' maillage-no-print'}`} aria-labelledby="protocoles-titre">
      <h2 id="protocoles-titre" className="fr-h6 fr-mb-1w">Protocoles de coopération</h2>
      {protocols.isError && <p className="fr-error-text">Protocoles indisponibles : {protocols.error.message}</p>}
      <Select
        label="Montrer les structures et CPTS qui appliquent"
        disabled={!protocols.data}
        nativeSelectProps={{ value: value ?? '', onChange: (e) => onChange(e.target.value || null) }}
      >
        <option value="">Tous (pas de filtre)</option>
        {protocols.data?.protocoles.map((p) => (
          <option key={p.id} value={p.id}>{p.titre.length > 90 ? `${p.titre.slice(0, 88)}…` : p.titre} ({p.deploiements.total})</option>
        ))}
      </Select>
      {value && deployments.isPending && <p className="fr-text--sm maillage-loading" role="status">Chargement des déploiements…</p>}
      {value && deployments.isError && <p className="fr-error-text">{deployments.error.message}</p>}
      {d && (
        <p className="fr-text--sm fr-mt-1w" role="status">
          {d.deploiements.filter((x) => x.structure).length} structure(s) et {d.deploiements.filter((x) => x.cpts).length} CPTS appliquent ce protocole
          {d.donneesDemonstration && <> <DemoBadge /></>}. <span className="fr-text--xs">{d.note}</span>
        </p>
      )}
    </section>
  );
}
