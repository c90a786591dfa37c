/**
 * SAS by département for the API: every département of the database, with its SAS row when one
 * exists (status, start date, filières) — a département without row is « non renseigné ».
 */
import type { Database } from './connection';

export interface SasDepartementRow {
  code: string;
  nom: string;
  region: string;
  regionNom: string;
  population: number;
  sas: {
    status: string;
    startDate: string | null;
    startDateNote: string | null;
    telephone: string | null;
    note: string | null;
    source: string;
    demo: boolean;
    importId: string | null;
  } | null;
  filieres: { filiere: string; since: string | null; source: string; demo: boolean }[];
}

export function listSasByDepartement(db: Database, { region, demo }: { region?: string; demo: boolean }): Promise<SasDepartementRow[]> {
  return db.all<SasDepartementRow>(
    `SELECT d.code, d.nom, d.region, r.nom AS regionNom, d.population,
            CASE WHEN s.departement IS NOT NULL THEN {'status': s.status, 'startDate': s.start_date, 'startDateNote': s.start_date_note,
              'telephone': s.telephone, 'note': s.note, 'source': s.source, 'demo': s.demo, 'importId': s.import_id} END AS sas,
            coalesce((SELECT list({'filiere': f.filiere, 'since': f.since, 'source': f.source, 'demo': f.demo} ORDER BY f.filiere)
                      FROM sas_filieres f WHERE f.departement = d.code AND ($demo OR NOT f.demo)), []) AS filieres
     FROM departements d JOIN regions r ON r.code = d.region
     LEFT JOIN sas s ON s.departement = d.code AND ($demo OR NOT s.demo)
     WHERE $region IS NULL OR d.region = $region
     ORDER BY d.code`,
    { region: region ?? null, demo },
  );
}
