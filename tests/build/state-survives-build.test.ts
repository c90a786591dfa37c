/**
 * What users write lives in the state store — by default the PGlite folder beside the database
 * (maillage-etat.pglite) — which the data build never touches: after `build:data` recreates the
 * database, the roles, the validated perimeter (a version of the CPTS) and the audit log are still
 * there and still answer.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildGeodata } from '../../scripts/build/build-geodata';
import { openDatabase } from '../../server/src/db/connection';
import { cptsCommunes } from '../../server/src/db/cpts-queries';
import { departementRegions } from '../../server/src/db/role-queries';
import { syncStateMirror } from '../../server/src/db/state-mirror';
import { openStateStore, stateVersion } from '../../server/src/db/state-store';
import { readConfig } from '../../server/src/config';
import { parisDay } from '../../server/src/lib/attachment';
import { createProposal, decideProposal, submitProposal } from '../../server/src/services/proposals';
import { changeRole } from '../../server/src/services/roles';
import type { RequestScope } from '../../server/src/scope/request-scope';
import { reducedCache } from '../helpers/reduced-cache';
import { stateChecksums } from '../helpers/state-fixture';

const scope = (id: string, role: 'coordinateur' | 'délégué ARS', territoire: string): RequestScope => ({
  actor: { kind: 'utilisateur', id, name: id, provider: 'proconnect', roles: [{ role, territoire }], csrf: 'x' }, demo: true, date: parisDay(), dateGiven: false,
});

describe('the state store and the data build', () => {
  it('keeps roles, perimeter versions and the audit log when the database is rebuilt', async () => {
    const cacheDir = reducedCache(inject('inputCache'), ['974']);
    const outDir = mkdtempSync(join(tmpdir(), 'maillage-etat-'));
    const dbPath = join(outDir, 'maillage.duckdb');
    await buildGeodata({ cacheDir, outDir, regions: ['04'], quiet: true, importsDir: join(outDir, 'imports') });

    // Where the server puts it when nothing is configured (a copy of the migrated folder, to save its creation).
    const { stateDir } = readConfig({ MAILLAGE_DB: dbPath });
    expect(stateDir).toBe(join(outDir, 'maillage-etat.pglite'));
    cpSync(inject('pgliteTemplate'), stateDir, { recursive: true });
    let db = await openDatabase(dbPath);
    let store = await openStateStore({ pgliteDir: stateDir });
    await changeRole(db, store, { machine: 'test' }, await departementRegions(db), { identifiant: 'c@cpts.test', role: 'coordinateur', territoire: 'cpts:REU-974-GRAND-SUD' }, true);
    const coord = scope('c@cpts.test', 'coordinateur', 'cpts:REU-974-GRAND-SUD');
    const p = await createProposal(db, store, coord, 'REU-974-GRAND-SUD', { added: ['97422'], removed: [], comment: null });
    const s = await submitProposal(store, coord, p.id, p.revision);
    await decideProposal(db, store, scope('a@ars.test', 'délégué ARS', 'departement:974'), await departementRegions(db), p.id, { decision: 'validée', revision: s.revision, reason: null, validFrom: '2026-01-01' });
    const state = await stateChecksums(store);
    expect(state['etat.cpts_versions']).toMatch(/^1:/);
    db.close();
    await store.close();

    await buildGeodata({ cacheDir, outDir, regions: ['04'], quiet: true, importsDir: join(outDir, 'imports') });
    expect(existsSync(stateDir)).toBe(true);
    db = await openDatabase(dbPath, { readOnly: true });
    store = await openStateStore({ pgliteDir: stateDir });
    try {
      expect(await stateChecksums(store)).toEqual(state);
      await syncStateMirror(db, store, await stateVersion(store));
      expect((await cptsCommunes(db, 'REU-974-GRAND-SUD', true, '2026-06-01')).map((c) => c.code)).toEqual(['97405', '97412', '97417', '97422']);
      expect((await cptsCommunes(db, 'REU-974-GRAND-SUD', true, '2025-12-31')).map((c) => c.code)).toEqual(['97405', '97412', '97417']);
    } finally {
      db.close();
      await store.close();
    }
  }, 120_000);
});
