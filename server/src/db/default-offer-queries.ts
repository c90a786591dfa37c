/**
 * The embedded default's own rows (`import_id IS NULL`: the curated lists of the build) where an
 * authoritative list replaces them: the national FINESS extraction is the list of MSP and centres
 * de santé, so the curated MSP and CDS of the départements it covers give way to it, with the
 * protocol deployments attached to them. Rows the extraction itself wrote (same FINESS number) are
 * its own by then and stay.
 */
import type { Database } from './connection';

const asJson = (values: string[]) => JSON.stringify(values);

export async function removeDefaultStructures(db: Database, kinds: string[], departements: string[]): Promise<string[]> {
  if (kinds.length === 0 || departements.length === 0) return [];
  const rows = await db.all<{ id: string }>(
    `SELECT s.id FROM structures s JOIN communes c ON c.code = s.commune
     WHERE s.import_id IS NULL AND list_contains(CAST($kinds AS JSON)::VARCHAR[], s.kind)
       AND list_contains(CAST($deps AS JSON)::VARCHAR[], c.departement)
     ORDER BY s.id`,
    { kinds: asJson(kinds), deps: asJson(departements) },
  );
  if (rows.length === 0) return [];
  const ids = asJson(rows.map((r) => r.id));
  await db.run('DELETE FROM protocol_deployments WHERE list_contains(CAST($ids AS JSON)::VARCHAR[], structure_id)', { ids });
  await db.run('DELETE FROM structures WHERE list_contains(CAST($ids AS JSON)::VARCHAR[], id)', { ids });
  return rows.map((r) => r.id);
}
