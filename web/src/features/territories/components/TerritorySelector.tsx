/**
 * Choice of the territory: a région, then optionally one of its départements. The value lives in
 * the address (`territoire=`); the page moves the map to it.
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDepartements } from '../api/list-departements';
import { useRegions } from '../api/list-regions';
import type { Territory } from '../../../lib/territory';

export interface TerritorySelectorProps {
  value: Territory;
  /** Région of the current département, when known. */
  regionOfValue: string | null;
  onChange: (t: Territory) => void;
}

export function TerritorySelector({ value, regionOfValue, onChange }: TerritorySelectorProps) {
  const regions = useRegions();
  const departements = useDepartements();
  const region = value.kind === 'region' ? value.code : regionOfValue;
  if (regions.isError || departements.isError) {
    return <p className="fr-error-text">Liste des territoires indisponible : {(regions.error ?? departements.error)!.message}</p>;
  }
  const loading = regions.isPending || departements.isPending;
  const deps = (departements.data?.departements ?? []).filter((d) => d.region === region);
  return (
    <fieldset className="fr-fieldset maillage-territory" aria-busy={loading}>
      <legend className="fr-fieldset__legend fr-text--md fr-mb-1w">Territoire</legend>
      <Select
        label="Région"
        className="fr-mb-1w"
        disabled={loading}
        nativeSelectProps={{
          value: region ?? '',
          onChange: (e) => onChange(e.target.value ? { kind: 'region', code: e.target.value } : { kind: 'france' }),
        }}
      >
        <option value="">France entière</option>
        {regions.data?.regions.map((r) => (
          <option key={r.code} value={r.code}>{r.nom}</option>
        ))}
      </Select>
      <Select
        label="Département"
        disabled={loading || !region}
        nativeSelectProps={{
          value: value.kind === 'departement' ? value.code : '',
          onChange: (e) => onChange(e.target.value ? { kind: 'departement', code: e.target.value } : region ? { kind: 'region', code: region } : { kind: 'france' }),
        }}
      >
        <option value="">{region ? 'Toute la région' : 'Choisissez d’abord une région'}</option>
        {deps.map((d) => (
          <option key={d.code} value={d.code}>{d.code} — {d.nom}</option>
        ))}
      </Select>
    </fieldset>
  );
}
