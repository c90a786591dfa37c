/**
 * GET /api/indicateurs-officiels and /api/indicateurs-officiels/departements on the fixture
 * database: the values are read back from the mirror's baromètre files (a plain line split here,
 * not the reader under test), with their source and date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, type FixtureApp } from '../helpers/fixture-app';
import { INPUT_CACHE, mirrorDir } from '../helpers/paths';

/** The mirror's file, or its byte-for-byte copy in the download cache (sha256 in sources.json). */
const barometreFile = (name: string) =>
  mirrorDir() ? join(mirrorDir()!, 'barometre-action-publique', name) : join(INPUT_CACHE, 'barometre', name);

let f: FixtureApp;
beforeAll(async () => {
  f = await fixtureApp();
});
afterAll(() => f.close());

/** `indic_va` (else `indic_vi`) of one row of the mirror file, as a number. */
function mirrorValue(indicator: string, zone: string, date: string): number {
  const lines = readFileSync(barometreFile(`ind-${indicator}.csv`), 'utf8').split(/\r?\n/);
  const row = lines.map((l) => l.split(',')).find((x) => x[1] === zone && x[2] === date);
  if (!row) throw new Error(`ligne ${zone} ${date} absente de ind-${indicator}.csv`);
  return Number(row[5] || row[4]);
}

const indicator = (body: any, id: string) => body.indicateurs.find((i: any) => i.id === id);

describe('GET /api/indicateurs-officiels', () => {
  it('answers D31 CPTS coverage on 2024-05-01 with its source, date and target', async () => {
    const { status, body } = await f.get('/api/indicateurs-officiels?territory=departement:31&date=2024-06-30');
    expect(status).toBe(200);
    expect(body.nature).toBe('officiel');
    const cpts = indicator(body, 'IND-589');
    expect(cpts.derniere).toEqual({ date: '2024-05-01', valeur: mirrorValue('589', 'D31', '2024-05-01') });
    expect(cpts.derniere.valeur).toBe(92);
    expect(cpts.source).toMatch(/Baromètre des résultats de l'action publique/);
    expect(cpts.fichier).toBe('ind-589.csv');
    expect(cpts.cible).toEqual({ date: '2026-12-01', valeur: 100 });
    expect(cpts.cibleAtteinte).toBe(false);
    expect(cpts.serie.map((p: any) => p.date)).toEqual(['2022-12-01', '2023-10-01', '2023-12-01', '2024-05-01']);
    expect(cpts.phrase).toBe('92 % de la population couverte par une CPTS au 1er mai 2024 — baromètre de l\'action publique');
  });

  it('answers France: CPTS 86.1 % in May 2024, MSP 2 501 in December 2023', async () => {
    const { body } = await f.get('/api/indicateurs-officiels?territory=france&date=2026-11-30');
    expect(body.territoire).toEqual({ code: 'france', nom: 'France' });
    expect(indicator(body, 'IND-589').derniere).toEqual({ date: '2024-05-01', valeur: mirrorValue('589', 'FRANCE', '2024-05-01') });
    expect(indicator(body, 'IND-589').derniere.valeur).toBe(86.1);
    expect(indicator(body, 'IND-589').phrase).toBe('86,1 % de la population couverte par une CPTS au 1er mai 2024 — baromètre de l\'action publique');
    expect(indicator(body, 'IND-311').derniere).toEqual({ date: '2023-12-01', valeur: mirrorValue('311', 'FRANCE', '2023-12-01') });
    expect(indicator(body, 'IND-311').derniere.valeur).toBe(2501);
    expect(indicator(body, 'IND-311').cible.valeur).toBe(4000);
    expect(body.indicateurs.map((i: any) => i.id)).toEqual(['IND-311', 'IND-312', 'IND-318', 'IND-587', 'IND-589', 'IND-679']);
  });

  it('answers SAS coverage of Mayenne on 2024-09-01: 0 %, a published value, not an absence', async () => {
    const { body } = await f.get('/api/indicateurs-officiels?territory=departement:53&date=2024-09-01');
    const sas = indicator(body, 'IND-587');
    expect(sas.derniere).toEqual({ date: '2024-09-01', valeur: mirrorValue('587', 'D53', '2024-09-01') });
    expect(sas.derniere.valeur).toBe(0);
    expect(sas.phrase).toMatch(/^0 % de la population couverte par un SAS au 1er septembre 2024/);
  });

  it('follows the date: before a value is published, the previous one is the latest', async () => {
    const { body } = await f.get('/api/indicateurs-officiels?territory=departement:31&date=2023-11-15');
    expect(indicator(body, 'IND-589').derniere).toEqual({ date: '2023-10-01', valeur: mirrorValue('589', 'D31', '2023-10-01') });
    const early = await f.get('/api/indicateurs-officiels?territory=departement:31&date=2020-01-01');
    expect(indicator(early.body, 'IND-589').derniere).toBeNull();
  });

  it('gives a région its own row, an EPCI none (said), an unknown territory 404 and a bad date 400', async () => {
    const region = await f.get('/api/indicateurs-officiels?territory=region:52&date=2024-06-01');
    expect(indicator(region.body, 'IND-589').derniere).toEqual({ date: '2023-12-01', valeur: mirrorValue('589', 'R52', '2023-12-01') }); // no May 2024 row for the régions
    const epci = await f.get('/api/indicateurs-officiels?territory=epci:244400404');
    expect(epci.body.indicateurs).toEqual([]);
    expect(epci.body.message).toMatch(/ne publie pas d'indicateur par EPCI/);
    expect((await f.get('/api/indicateurs-officiels?territory=departement:01')).status).toBe(404);
    expect((await f.get('/api/indicateurs-officiels?territory=france&date=2024-13-01')).status).toBe(400);
  });
});

describe('GET /api/indicateurs-officiels/departements', () => {
  it('gives every département its SAS coverage at a date, for the choropleth', async () => {
    const { status, body } = await f.get('/api/indicateurs-officiels/departements?indicator=IND-587&date=2024-09-30');
    expect(status).toBe(200);
    expect(body.departements).toHaveLength(100); // 976: SAS not published
    expect(body.departements.find((d: any) => d.code === '53')).toEqual({ code: '53', date: '2024-09-01', valeur: mirrorValue('587', 'D53', '2024-09-01') });
    expect(body.departements.find((d: any) => d.code === '64').valeur).toBe(mirrorValue('587', 'D64', '2024-09-01'));
    expect(body.dates).toContain('2024-09-01');
    const cpts = await f.get('/api/indicateurs-officiels/departements?indicator=IND-589&date=2024-05-01');
    expect(cpts.body.departements.find((d: any) => d.code === '2A').valeur).toBe(mirrorValue('589', 'D2A', '2024-05-01'));
    expect((await f.get('/api/indicateurs-officiels/departements?indicator=IND-1')).status).toBe(404);
  });
});
