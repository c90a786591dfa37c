/**
 * Property-based suite of issue 11 (fast-check): every route of the app, enumerated from the app
 * itself (`app.routes`, so routes added later are driven too), receives generated bad input —
 * hostile path parameters, query strings with bad, repeated and unknown parameters, malformed or
 * mistyped JSON bodies, garbage files to the import routes (with the editor token) — and must
 * answer each without a 5xx, in French, in the documented error shape
 * `{ error: { code, message, issues: [{ path, message }] } }`, and leave every table unchanged.
 *
 * Deterministic by default (seed 20261201, so the suite gives the same verdict every run); set
 * FC_SEED to explore other inputs, FC_RUNS to change the count (1 200 by default: 700 GET, 500
 * POST). A failure prints the shrunk request and the seed that replays it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { checkAnswer, HOSTILE } from './bad-answer';
import { ENGLISH } from './english';

const SEED = Number(process.env.FC_SEED ?? 20261201);
const RUNS = Number(process.env.FC_RUNS ?? 1200);
const GET_RUNS = Math.round(RUNS * 0.58);
const POST_RUNS = RUNS - GET_RUNS;
const TOKEN = 'jeton-de-test';

let f: ImportFixture;
let before: Record<string, string>;
let getRoutes: string[];
/** Every write route: [method, path] (POST, PUT, DELETE, PATCH). */
let postRoutes: [string, string][];
beforeAll(async () => {
  f = await importFixture();
  before = await f.checksums();
  const routes = f.app.routes.filter((r) => r.path.startsWith('/api/') && !r.path.includes('*'));
  getRoutes = [...new Set(routes.filter((r) => r.method === 'GET').map((r) => r.path))];
  const writes = routes.filter((r) => ['POST', 'PUT', 'DELETE', 'PATCH'].includes(r.method)).map((r) => `${r.method} ${r.path}`);
  postRoutes = [...new Set(writes)].map((w) => w.split(' ') as [string, string]);
});
afterAll(() => f?.close());

// ---- values ---------------------------------------------------------------------------------
/** Valid values, so that a bad parameter next to them reaches the route's logic. */
const PLAUSIBLE = ['departement:44', 'region:52', '44', '52', '44109', '2A004', 'csv', 'geojson', 'json', '2026-11-23',
  '2026-11-23T21:00:00+01:00', '10', '30', '5,10,20', 'communes', '1', 'MSP', 'SU', 'Nantes', '-1.55,47.2,-1.5,47.25'];
const PARAM_NAMES = ['at', 'bands', 'bbox', 'code', 'commune', 'communes', 'date', 'departement', 'detourFactor', 'format', 'garder_valides',
  'geometrie', 'id', 'instant', 'kind', 'lat', 'limit', 'lon', 'maxKm', 'nom', 'q', 'region', 'status', 'statut', 'suMmgKm', 'table',
  'territory', 'thresholdKm', 'type', 'types', 'unknownHours', 'x', 'y', 'z'];

const noEnglish = (s: string) => !ENGLISH.test(s);
const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }).filter(noEnglish) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);
const value = fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(...PLAUSIBLE) });
const name = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PARAM_NAMES) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter(noEnglish) });
/** A query with at least one bad entry; names may repeat (a parameter given twice). */
const query = fc.tuple(fc.array(fc.tuple(name, value), { maxLength: 4 }), fc.tuple(name, text)).map(([entries, bad]) => [...entries, bad]);

const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
const fill = (path: string, params: string[]) => {
  let i = 0;
  return path.replace(/:[a-zA-Z]+/g, () => enc(params[i++] ?? 'x'));
};
const url = (path: string, params: string[], entries: [string, string][]) =>
  `${fill(path, params)}?${entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}`;

/** A failure names the request (its label) and the seed, without printing a megabyte body. */
function shortReport<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Propriété en échec (FC_SEED=${details.seed}, chemin ${details.counterexamplePath}) : ${cause.slice(0, 2000)}`);
}

let requests = 0;
const send = async (label: string, input: string, init?: RequestInit) => {
  requests++;
  await checkAnswer(label, await f.app.request(input, init));
};

// ---- bodies ---------------------------------------------------------------------------------
const codeLike = fc.oneof(fc.constantFrom(...HOSTILE, '99999', '44109', '2B033', 44109, null, true, {}, []), fc.jsonValue({ maxDepth: 2 }));
const jsonBody = fc.oneof(
  { weight: 3, arbitrary: fc.record({ communes: fc.oneof(fc.array(codeLike, { maxLength: 30 }), fc.jsonValue({ maxDepth: 2 })) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.constantFrom('{', '{"communes": [', '{"communes": ["44109",]}', "{'communes': []}", 'null', '', '[]', '{"communes": "44109"}', '\ufeff{"communes": []}', '{"communes": [' + '"44109",'.repeat(41_000) + '"44109"]}') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200, unit: 'binary' }) },
);
const fileBody = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.string({ maxLength: 500, unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
  fc.array(fc.array(fc.constantFrom(...HOSTILE, ';', '"', '\n'), { maxLength: 8 }).map((cells) => cells.join(';')), { maxLength: 20 })
    .map((lines) => new TextEncoder().encode(lines.join('\n'))),
);
const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'application/json; charset=utf-16', undefined);

describe('bad input to every route (fast-check)', () => {
  it(`answers ${GET_RUNS} generated bad GET requests without a 5xx, in French, in the error shape`, async () => {
    expect(getRoutes.length).toBeGreaterThan(15);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...getRoutes), fc.array(text, { minLength: 3, maxLength: 3 }), query, async (path, params, entries) => {
        await send(`GET ${url(path, params, entries)}`, url(path, params, entries));
      }),
      { numRuns: GET_RUNS, seed: SEED, endOnFailure: true, reporter: shortReport },
    );
  }, 180_000);

  it(`answers ${POST_RUNS} generated bad bodies to every write route (POST, PUT, DELETE; JSON routes and imports, with the editor token) the same way`, async () => {
    expect(postRoutes.length).toBeGreaterThan(2);
    expect(postRoutes.map(([m]) => m)).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE']));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...postRoutes), fc.array(fc.oneof(value, fc.constantFrom('finess', 'cpts', 'cpts-perimetres', 'mmg', 'urgences', 'deploiements', 'sas')), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(name, value), { maxLength: 3 }), jsonBody, fileBody, contentType, fc.boolean(),
        async ([method, path], params, entries, json, file, type, asFile) => {
          const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
          if (type) headers['content-type'] = type;
          const target = url(path, params, entries);
          const body = path.startsWith('/api/imports') || asFile ? file : json;
          await send(`${method} ${target} (${type ?? 'sans type'}, ${body.length} car./octets)`, target, { method, body, headers });
        }),
      { numRuns: POST_RUNS, seed: SEED + 1, endOnFailure: true, reporter: shortReport },
    );
  }, 180_000);

  it('leaves every table of the database unchanged', async () => {
    expect(requests).toBeGreaterThanOrEqual(1000);
    expect(await f.checksums()).toEqual(before);
  });
});
