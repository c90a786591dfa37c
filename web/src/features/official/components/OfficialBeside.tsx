/**
 * Computed beside official, never merged: « calculé : 92,4 % d'après 31 CPTS importées ;
 * officiel : 92 % au 1er mai 2024 (écart +0,4 point) », for the CPTS and the SAS coverage of the
 * territory at the page's date (the phrases come from the server: `comparaisonOfficielle`).
 */
import { useCptsCoverage, type CptsStatusFilter } from '../../coverage/api/get-cpts-coverage';
import { useSasCoverage } from '../../sas/api/get-sas-coverage';

export interface OfficialBesideProps {
  territory: string;
  status: CptsStatusFilter;
}

export function OfficialBeside({ territory, status }: OfficialBesideProps) {
  const cpts = useCptsCoverage(territory, status);
  const sas = useSasCoverage(territory);
  const rows = [
    { id: 'cpts', label: 'Couverture CPTS', c: cpts.data?.comparaisonOfficielle },
    { id: 'sas', label: 'Couverture SAS', c: sas.data?.comparaisonOfficielle },
  ].filter((r) => r.c);
  if (rows.length === 0) return null;
  return (
    <div className="maillage-beside fr-mb-2w" data-testid="calcule-officiel">
      <p className="fr-text--sm fr-mb-1v"><strong>Calculé et officiel</strong></p>
      <ul className="fr-text--xs">
        {rows.map((r) => <li key={r.id} data-testid={`comparaison-${r.id}`}>{r.label} — {r.c!.phrase}</li>)}
      </ul>
      {cpts.data?.completude && <p className="fr-text--xs maillage-source" data-testid="completude-cpts">CPTS : {cpts.data.completude.phrase}.</p>}
    </div>
  );
}
