/**
 * Dispatches a file to the preparation of its kind of import. Its problems go to bounded lists
 * (ingest/issue-list.ts: the first `keep` and the counts) and, with `reportPath`, every one of
 * them to a CSV file as found (report-file.ts), so that no list of millions is held in memory.
 */
import type { Database } from '../db/connection';
import { fileIssues, type FileIssues } from '../ingest/issue-list';
import type { ImportKind } from './import-kinds';
import { prepareCpts } from './prepare-cpts';
import { prepareCptsPerimeters } from './prepare-cpts-perimeters';
import { prepareDeployments } from './prepare-deployments';
import { prepareFiness } from './prepare-finess';
import { prepareSaeUrgences } from './prepare-sae-urgences';
import { prepareSas } from './prepare-sas';
import { prepareSites } from './prepare-sites';
import type { PrepareContext, PreparedImport } from './prepared-import';
import { reportWriter } from './report-file';

export interface IssueOptions {
  /** Problems kept in memory (default ISSUES_KEPT, 1 000). */
  keep?: number;
  /** CSV file that receives every problem as found (created or emptied). */
  reportPath?: string;
}

export async function prepareImport(kind: ImportKind, db: Database, bytes: Uint8Array, ctx: PrepareContext, options: IssueOptions = {}): Promise<PreparedImport> {
  const report = options.reportPath ? reportWriter(options.reportPath) : null;
  try {
    return await prepareKind(kind, db, bytes, ctx, fileIssues({ keep: options.keep, sink: report ? (issue, gravity) => report.write(issue, gravity) : undefined }));
  } finally {
    report?.close();
  }
}

function prepareKind(kind: ImportKind, db: Database, bytes: Uint8Array, ctx: PrepareContext, issues: FileIssues): Promise<PreparedImport> {
  switch (kind) {
    case 'finess': return prepareFiness(db, bytes, ctx, issues);
    case 'cpts': return prepareCpts(db, bytes, ctx, issues);
    case 'cpts-perimetres': return prepareCptsPerimeters(db, bytes, ctx, issues);
    case 'mmg': return prepareSites(db, bytes, ctx, issues, 'MMG');
    case 'urgences': return prepareSites(db, bytes, ctx, issues, 'SU');
    case 'sae-urgences': return prepareSaeUrgences(db, bytes, ctx, issues);
    case 'deploiements': return prepareDeployments(db, bytes, ctx, issues);
    case 'sas': return prepareSas(db, bytes, ctx, issues);
  }
}
