/**
 * The embedded default care offer in the fixture database, checked against the curated lists:
 * real rows with their sources, only the communes the sources name, demonstration rows labelled,
 * every structure inside its commune — and the build stops when a point is not.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { careOfferTables } from '../../scripts/build/care-offer';
import type { CommuneRow } from '../../scripts/build/communes-table';
import { InvariantError } from '../../scripts/build/invariant-error';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { saeSites } from '../helpers/sae-sites';

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(() => f.close());

const rows = (sql: string) => f.db.all<Record<string, any>>(sql);
/** SAE 2021 emergency sites of the fixture's départements (their hand-listed twins are merged into them). */
const fixtureSae = async () => {
  const deps = new Set((await rows('SELECT code FROM departements')).map((r) => r.code));
  return saeSites().filter((s) => deps.has(s.departement)).length;
};

describe('the default care offer of the fixture database', () => {
  it('holds the curated rows of the fixture régions and the demonstration scenario, counted apart', async () => {
    const counts = await rows(`SELECT t, reel::INTEGER AS reel, demo::INTEGER AS demo FROM (
      SELECT 'structures' AS t, count(*) FILTER (WHERE NOT demo)::INTEGER AS reel, count(*) FILTER (WHERE demo)::INTEGER AS demo FROM structures
      UNION ALL SELECT 'cpts', count(*) FILTER (WHERE NOT demo), count(*) FILTER (WHERE demo) FROM cpts
      UNION ALL SELECT 'cpts_communes', count(*) FILTER (WHERE NOT demo), count(*) FILTER (WHERE demo) FROM cpts_communes
      UNION ALL SELECT 'protocols', count(*) FILTER (WHERE NOT demo), count(*) FILTER (WHERE demo) FROM protocols
      UNION ALL SELECT 'protocol_deployments', count(*) FILTER (WHERE NOT demo), count(*) FILTER (WHERE demo) FROM protocol_deployments
      UNION ALL SELECT 'sas', count(*) FILTER (WHERE NOT demo), count(*) FILTER (WHERE demo) FROM sas
      UNION ALL SELECT 'sas_filieres', count(*) FILTER (WHERE NOT demo), count(*) FILTER (WHERE demo) FROM sas_filieres
      UNION ALL SELECT 'imports', count(*), 0 FROM imports)`);
    expect(Object.fromEntries(counts.map((c) => [c.t, [c.reel, c.demo]]))).toEqual({
      // 130 FINESS of 31 + 6 press MMG + 4 Réunion MSP + the SAE emergency sites of the four régions
      structures: [140 + (await fixtureSae()), 0], cpts: [6, 8], cpts_communes: [10, 371], protocols: [6, 0], protocol_deployments: [0, 24],
      // pilot départements in régions 04, 11, 52, 76 (31, 44, 75, 78, 92, 93, 94, 974) and the Vendée
      sas: [9, 0], sas_filieres: [0, 0], imports: [0, 0],
    });
    expect(await fixtureSae()).toBe(187);
    expect(await rows("SELECT value FROM meta WHERE key = 'data_version'")).toEqual([{ value: '1' }]);
  });

  it('keeps a source on every row: a URL for real rows, exactly « démonstration » for the scenario', async () => {
    for (const table of ['structures', 'cpts', 'cpts_communes', 'protocols', 'protocol_deployments', 'sas']) {
      expect(await rows(`SELECT count(*)::INTEGER AS n FROM ${table} WHERE demo <> (source = 'démonstration') OR source NOT LIKE '%http%' AND source NOT LIKE '%DREES, SAE 2021%' AND NOT demo`)).toEqual([{ n: 0 }]);
    }
    expect(await rows("SELECT count(*)::INTEGER AS n FROM structures WHERE source_date IS NULL")).toEqual([{ n: 0 }]);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM cpts WHERE demo AND name NOT LIKE '%(démonstration)'")).toEqual([{ n: 0 }]);
  });

  it('loads only the communes the sources name: none inferred for the Grand Saumurois', async () => {
    expect(await rows('SELECT cpts_id, count(*)::INTEGER AS n FROM cpts_communes WHERE NOT demo GROUP BY ALL ORDER BY 1')).toEqual([
      { cpts_id: 'PDL-44-ERDRE-ET-CENS', n: 3 }, { cpts_id: 'PDL-44-NANTES-GRAND-OUEST', n: 4 }, { cpts_id: 'REU-974-GRAND-SUD', n: 3 },
    ]);
  });

  it('draws the demonstration territories of Haute-Garonne from whole EPCI, each commune in at most one', async () => {
    const shared = await rows("SELECT commune FROM cpts_communes WHERE demo GROUP BY commune HAVING count(*) > 1");
    expect(shared).toEqual([]);
    const splitEpci = await rows(`
      SELECT c.epci FROM communes c LEFT JOIN cpts_communes m ON m.commune = c.code AND m.demo
      WHERE c.departement = '31' GROUP BY c.epci HAVING count(DISTINCT m.cpts_id) > 1 OR (count(m.cpts_id) > 0 AND count(m.cpts_id) < count(*))`);
    expect(splitEpci).toEqual([]);
  });

  it('places every structure inside its commune', async () => {
    const structures = await rows(`SELECT s.id, s.lon, s.lat, coalesce(p.geometry, c.geometry) AS geometry
      FROM structures s JOIN communes c ON c.code = s.commune LEFT JOIN communes p ON p.code = c.contained_in`);
    const outside = structures.filter((s) => !booleanPointInPolygon([s.lon, s.lat], JSON.parse(s.geometry)));
    expect(outside.map((s) => s.id)).toEqual([]);
    expect(structures).toHaveLength(140 + (await fixtureSae()));
  });
});

describe('the build stops on a structure outside its commune', () => {
  it('names the structure whose FINESS point left its commune', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'maillage-curated-'));
    cpSync(join(inject('inputCache'), 'curated'), join(cache, 'curated'), { recursive: true });
    const file = join(cache, 'curated/finess_msp_cds_mmg_dep31.csv');
    // MMG COLOMIERS moved to Toulouse (1.44, 43.60)
    writeFileSync(file, readFileSync(file, 'utf8').replace('1.339267,43.598769', '1.440000,43.600000'));
    const communes = await f.db.all<CommuneRow>("SELECT * FROM communes WHERE departement IN ('31', '30', '44', '974', '53', '49')");
    let error: unknown = null;
    try {
      careOfferTables({ cacheDir: cache, communes });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as Error).message).toMatch(/positions des structures dans leur commune \(1\)/);
    expect((error as Error).message).toMatch(/finess:310036256 \(MMG COLOMIERS\) : point \(1\.44, 43\.6\) hors de sa commune 31149 \(Colomiers\)/);
  });
});
