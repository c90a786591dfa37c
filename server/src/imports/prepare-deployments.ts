/**
 * « Déploiements de protocoles » template → protocol_deployments rows `<protocole>@<lieu>`: the
 * protocol, the structure (by FINESS number or identifier) and the CPTS must already exist.
 */
import { encodeRows, type Row } from '../db/care-write-queries';
import type { Database } from '../db/connection';
import { existingIds, protocolIds } from '../db/import-queries';
import { summariseIssues, type FileIssues } from '../ingest/issue-list';
import { readDeploymentsCsv } from '../ingest/read-deployments-csv';
import { type PrepareContext, type PreparedImport } from './prepared-import';

export async function prepareDeployments(db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  const reading = readDeploymentsCsv(bytes);
  const { rejects, warnings } = issues;
  rejects.pushAll(reading.rejects);
  warnings.pushAll(reading.warnings);
  const protocols = await protocolIds(db);
  const structureIds = reading.deployments.map((d) => d.structureId ?? (d.finessEt ? `finess:${d.finessEt}` : null)).filter((x): x is string => x !== null);
  const structures = await existingIds(db, 'structures', structureIds);
  const cpts = await existingIds(db, 'cpts', reading.deployments.flatMap((d) => (d.cptsId ? [d.cptsId] : [])));
  const rows: Row[] = [];
  for (const d of reading.deployments) {
    const reject = (message: string) => rejects.push({ line: d.line, ref: d.protocol, message });
    if (!protocols.includes(d.protocol)) { reject(`protocole « ${d.protocol} » inconnu (protocoles : ${protocols.join(', ')})`); continue; }
    const structureId = d.structureId ?? (d.finessEt ? `finess:${d.finessEt}` : null);
    if (structureId && !structures.has(structureId)) {
      reject(d.finessEt ? `aucune structure de numéro FINESS ${d.finessEt} : importez d'abord le FINESS` : `structure « ${structureId} » inconnue`);
      continue;
    }
    if (d.cptsId && !cpts.has(d.cptsId)) { reject(`CPTS « ${d.cptsId} » inconnue : importez d'abord les CPTS`); continue; }
    rows.push({
      id: `${d.protocol}@${structureId ?? d.cptsId}`, protocol_id: d.protocol, structure_id: structureId, cpts_id: d.cptsId,
      since: d.since, delegues_count: d.deleguesCount, source: d.source, demo: false, import_id: ctx.importId,
    });
  }
  return {
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rowsRead - rejects.lines,
    ...summariseIssues(issues),
    encoding: reading.encoding,
    summary: { déploiements: rows.length, 'dans des structures': rows.filter((r) => r.structure_id).length, 'dans des CPTS': rows.filter((r) => r.cpts_id).length },
    write: { op: 'replace', rows: encodeRows('protocol_deployments', rows) },
  };
}
