/** Dispatches a file to the preparation of its kind of import. */
import type { Database } from '../db/connection';
import type { ImportKind } from './import-kinds';
import { prepareCpts } from './prepare-cpts';
import { prepareCptsPerimeters } from './prepare-cpts-perimeters';
import { prepareDeployments } from './prepare-deployments';
import { prepareFiness } from './prepare-finess';
import { prepareSaeUrgences } from './prepare-sae-urgences';
import { prepareSas } from './prepare-sas';
import { prepareSites } from './prepare-sites';
import type { PrepareContext, PreparedImport } from './prepared-import';

export function prepareImport(kind: ImportKind, db: Database, bytes: Uint8Array, ctx: PrepareContext): Promise<PreparedImport> {
  switch (kind) {
    case 'finess': return prepareFiness(db, bytes, ctx);
    case 'cpts': return prepareCpts(db, bytes, ctx);
    case 'cpts-perimetres': return prepareCptsPerimeters(db, bytes, ctx);
    case 'mmg': return prepareSites(db, bytes, ctx, 'MMG');
    case 'urgences': return prepareSites(db, bytes, ctx, 'SU');
    case 'sae-urgences': return prepareSaeUrgences(db, bytes, ctx);
    case 'deploiements': return prepareDeployments(db, bytes, ctx);
    case 'sas': return prepareSas(db, bytes, ctx);
  }
}
