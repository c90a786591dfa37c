/** Protocoles de coopération and where they are deployed, for the API. */
import type { Database } from './connection';

export interface ProtocolRow {
  id: string;
  title: string;
  delegants: string[];
  delegues: string[];
  scope: string;
  concernsSnp: boolean;
  openToCpts: string | null;
  authorisedOn: string | null;
  revisedOn: string | null;
  framework: string | null;
  note: string | null;
  source: string;
  demo: boolean;
  deployments: number;
  demoDeployments: number;
}

export function listProtocols(db: Database, demo: boolean): Promise<ProtocolRow[]> {
  return db.all<ProtocolRow>(
    `SELECT p.id, p.title, p.delegants, p.delegues, p.scope, p.concerns_snp AS concernsSnp, p.open_to_cpts AS openToCpts,
            p.authorised_on AS authorisedOn, p.revised_on AS revisedOn, p.framework, p.note, p.source, p.demo,
            CAST(count(d.id) AS INTEGER) AS deployments, CAST(count(d.id) FILTER (WHERE d.demo) AS INTEGER) AS demoDeployments
     FROM protocols p LEFT JOIN protocol_deployments d ON d.protocol_id = p.id AND ($demo OR NOT d.demo)
     WHERE $demo OR NOT p.demo
     GROUP BY ALL ORDER BY p.id`,
    { demo },
  );
}

export async function protocolExists(db: Database, id: string, demo: boolean): Promise<{ id: string; title: string } | null> {
  const [row] = await db.all<{ id: string; title: string }>('SELECT id, title FROM protocols WHERE id = $id AND ($demo OR NOT demo)', { id, demo });
  return row ?? null;
}

export interface DeploymentRow {
  id: string;
  since: string | null;
  deleguesCount: number | null;
  source: string;
  demo: boolean;
  importId: string | null;
  structure: { id: string; kind: string; name: string; commune: string; communeNom: string; departement: string; demo: boolean } | null;
  cpts: { id: string; name: string; status: string; demo: boolean } | null;
}

export function protocolDeployments(db: Database, id: string, demo: boolean): Promise<DeploymentRow[]> {
  return db.all<DeploymentRow>(
    `SELECT d.id, d.since, d.delegues_count AS deleguesCount, d.source, d.demo, d.import_id AS importId,
            CASE WHEN s.id IS NOT NULL THEN {'id': s.id, 'kind': s.kind, 'name': s.name, 'commune': s.commune, 'communeNom': c.nom,
              'departement': c.departement, 'demo': s.demo} END AS structure,
            CASE WHEN p.id IS NOT NULL THEN {'id': p.id, 'name': p.name, 'status': p.status, 'demo': p.demo} END AS cpts
     FROM protocol_deployments d
     LEFT JOIN structures s ON s.id = d.structure_id
     LEFT JOIN communes c ON c.code = s.commune
     LEFT JOIN cpts p ON p.id = d.cpts_id
     WHERE d.protocol_id = $id AND ($demo OR NOT d.demo)
       AND (s.id IS NULL OR $demo OR NOT s.demo) AND (p.id IS NULL OR $demo OR NOT p.demo)
     ORDER BY d.demo, coalesce(c.departement, ''), d.id`,
    { id, demo },
  );
}
