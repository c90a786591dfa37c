/**
 * Many readers, one writer: two reader processes (MAILLAGE_READ_ONLY=1) and one writer serve the
 * same data version side by side from one geodata folder; a FINESS import sent to the writer is
 * written as the next version in a child process, and within seconds every process serves it —
 * each answer being wholly of one version or the other, never a mix.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runServer, type RunningServer } from '../../scripts/lib/run-server';
import { finessBytes } from '../helpers/finess-fixture';
import { freshStateLocation, type StateLocation } from '../helpers/state-fixture';

const TOKEN = 'jeton-des-lecteurs';
const URL_52 = '/api/indicators?territory=region:52';
let dir: string;
let writer: RunningServer;
let readers: RunningServer[];
let location: StateLocation;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-lecteurs-'));
  const fixture = inject('fixtureDir');
  copyFileSync(join(fixture, 'maillage.duckdb'), join(dir, 'maillage.duckdb'));
  symlinkSync(join(fixture, 'communes.topo.json'), join(dir, 'communes.topo.json'));
  // Several processes on one folder share a PostgreSQL server for what users write (PGlite serves one process).
  location = await freshStateLocation('postgres');
  const env = { GEODATA_DIR: dir, MAILLAGE_BASEMAP: 'offline', MAILLAGE_VERSIONS: '1', ...location.env };
  const reader = { ...env, MAILLAGE_READ_ONLY: '1' };
  [writer, ...readers] = await Promise.all([
    runServer({ production: false, env: { ...env, MAILLAGE_EDITOR_TOKEN: TOKEN } }),
    runServer({ production: false, env: reader }),
    runServer({ production: false, env: reader }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([writer, ...readers].filter(Boolean).map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
  await location?.dispose();
});

const read = async (s: RunningServer) => {
  const res = await fetch(s.url + URL_52);
  expect(res.status).toBe(200);
  const { versionDonnees, ...content } = (await res.json()) as { versionDonnees: string };
  // versionDonnees is « <data>.<state> »: the data version is the part imports change.
  return { version: versionDonnees.split('.')[0]!, content: JSON.stringify(content) };
};

describe('two readers and one writer', () => {
  it('serve the same version, then the imported one within seconds, never a mix', async () => {
    const before = await Promise.all([writer, ...readers].map(read));
    expect(new Set(before.map((b) => b.version))).toEqual(new Set(['1']));
    expect(new Set(before.map((b) => b.content)).size).toBe(1);

    // Readers are polled all along the import; every answer is recorded with its version.
    const seen = new Map<string, Set<string>>();
    let polling = true;
    const poll = (async () => {
      while (polling) {
        if (!polling) break;
        for (const r of await Promise.all([writer, ...readers].map(read))) (seen.get(r.version) ?? seen.set(r.version, new Set()).get(r.version)!).add(r.content);
      }
    })();
    try {
      const res = await fetch(`${writer.url}/api/imports/finess?nom=etalab-cs1100507-stock-20260512-0339.csv`, {
        method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' }, body: new Uint8Array(finessBytes()),
      });
      const outcome = (await res.json()) as { statut: string; versionDonnees: string };
      expect(res.status).toBe(201);
      // The writer answers once it serves the new version itself.
      expect((await read(writer)).version).toBe('2');
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (await Promise.all(readers.map(read))).some((r) => r.version !== '2')) await new Promise((r) => setTimeout(r, 100));
      polling = false;
      await poll;
      const after = await Promise.all([writer, ...readers].map(read));
      expect(after.map((a) => a.version)).toEqual(['2', '2', '2']);
      expect(new Set(after.map((a) => a.content)).size).toBe(1);
      expect(after[0]!.content).not.toBe(before[0]!.content);
      // Every answer seen was wholly of version 1 or wholly of version 2.
      expect([...seen.keys()].sort()).toEqual(['1', '2']);
      expect(seen.get('1')).toEqual(new Set([before[0]!.content]));
      expect(seen.get('2')).toEqual(new Set([after[0]!.content]));
      expect(JSON.stringify(outcome)).toContain('appliqué');
      // The new version is a file of its own; the build's database is untouched.
      expect(readdirSync(join(dir, 'versions')).filter((f) => f.endsWith('.duckdb'))).toHaveLength(1);
      expect(existsSync(join(dir, 'imports'))).toBe(true);
    } finally {
      polling = false;
      await poll.catch(() => {});
    }
  }, 180_000);

  it('writes a « liste complète » declared on its own as the next version, served by every process (issue 22, item 1)', async () => {
    const declare = () => fetch(`${writer.url}/api/imports/liste-complete?liste_complete=44&liste=cpts&complete_au=2026-11-01&source=liste%20de%20test`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}` },
    });
    const res = await declare();
    const body = (await res.json()) as { statut: string; message: string };
    expect(res.status, body.message).toBe(201);
    expect(body.message).toMatch(/^Liste des CPTS déclarée complète au 2026-11-01 pour le département 44 \(déclaration decl-/);
    const completed = async (s: RunningServer) => {
      const c = (await (await fetch(`${s.url}/api/coverage/cpts?territory=departement:44&date=2026-11-30`)).json()) as { completude: { departementsComplets: { code: string }[] } };
      return c.completude.departementsComplets.map((d) => d.code);
    };
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await Promise.all(readers.map(completed))).some((c) => c.length === 0)) await new Promise((r) => setTimeout(r, 100));
    expect(await Promise.all([writer, ...readers].map(completed))).toEqual([['44'], ['44'], ['44']]);
    expect((await read(writer)).version).toBe('3');
    // The same declaration again writes no version.
    expect((await declare()).status).toBe(200);
    expect((await read(writer)).version).toBe('3');
  }, 60_000);

  it('refuses imports on a reader, in French', async () => {
    const res = await fetch(`${readers[0]!.url}/api/imports/finess`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: 'x' });
    expect([401, 403, 503]).toContain(res.status);
  });
});
