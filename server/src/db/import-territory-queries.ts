/**
 * The départements an import touches: those of the rows it wrote (every care row carries its
 * `import_id`) — structures and CPTS communes by their commune, CPTS without communes by their
 * département, SAS by theirs, deployments by their structure or CPTS. Read inside the import's
 * transaction, before it commits, so that a refusal rolls everything back.
 */
import type { Database } from './connection';
import { COMMUNE_UNITS } from './commune-units';

export async function importedDepartements(db: Database, importId: string): Promise<string[]> {
  const rows = await db.all<{ d: string }>(
    `SELECT DISTINCT d FROM (
       SELECT c.departement AS d FROM structures s JOIN communes c ON c.code = s.commune WHERE s.import_id = $id
       UNION ALL SELECT c.departement FROM cpts_communes m JOIN ${COMMUNE_UNITS} c ON c.code = m.commune WHERE m.import_id = $id
       UNION ALL SELECT coalesce(p.departement, hq.departement) FROM cpts p LEFT JOIN communes hq ON hq.code = p.headquarters_commune WHERE p.import_id = $id
       UNION ALL SELECT departement FROM sas WHERE import_id = $id
       UNION ALL SELECT departement FROM sas_filieres WHERE import_id = $id
       UNION ALL SELECT departement FROM completeness WHERE import_id = $id -- a « liste complète » declaration is an act on its départements
       UNION ALL SELECT c.departement FROM protocol_deployments pd JOIN structures s ON s.id = pd.structure_id JOIN communes c ON c.code = s.commune WHERE pd.import_id = $id
       UNION ALL SELECT coalesce(p.departement, c.departement) FROM protocol_deployments pd JOIN cpts p ON p.id = pd.cpts_id
         LEFT JOIN communes c ON c.code = p.headquarters_commune WHERE pd.import_id = $id
     ) WHERE d IS NOT NULL ORDER BY d`,
    { id: importId },
  );
  return rows.map((r) => r.d);
}
