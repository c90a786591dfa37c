/**
 * The `sae-urgences` import kind: the DREES SAE bases URGENCES2 and ID, concatenated as published
 * (ISO-8859-1), on a copy of the fixture database (four régions): sites of the base's départements
 * written with their visits and COG codes translated, the others left out and counted; a known
 * site keeps its name and hours; a file without the ID table is refused whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finessBytes } from '../helpers/finess-fixture';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { INPUT_CACHE, mirrorDir } from '../helpers/paths';
import { saeSites } from '../helpers/sae-sites';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const file = (name: string) => readFileSync(mirrorDir() ? join(mirrorDir()!, 'drees-sae-2021-urgences', name) : join(INPUT_CACHE, 'sae-2021', name));

describe('import of the SAE emergency bases', () => {
  it('writes the sites of the base\'s départements with their visits, keeps the known ones\' names and hours, counts the others', async () => {
    const deps = new Set((await f.db.all<{ code: string }>('SELECT code FROM departements')).map((r) => r.code));
    const inBase = saeSites().filter((s) => deps.has(s.departement));
    const outcome = await f.run('sae-urgences', Buffer.concat([file('URGENCES2_2021r.csv'), file('ID_2021r.csv')]), { fileName: 'sae-2021.csv' });
    expect(outcome.status).toBe('appliqué');
    expect(outcome.rowsAccepted).toBe(inBase.length);
    expect(outcome.summary['ignorés (départements absents de la base)']).toBe(624 - inBase.length);
    const ancenis = await f.one<any>("SELECT name, opening_hours, visits_per_year, visits_year, import_id FROM structures WHERE id = 'su:440000396'");
    expect(ancenis).toMatchObject({ name: 'Centre hospitalier Erdre et Loire', opening_hours: 'Mo-Su 08:30-17:00', visits_per_year: 16090, visits_year: 2021, import_id: outcome.import!.id });
    expect(await f.one("SELECT count(*)::INTEGER AS n FROM structures WHERE kind = 'SU'")).toEqual({ n: inBase.length });
  });

  it('keeps the telephone the base already has for the site (here its FINESS establishment\'s)', async () => {
    const g = await importFixture();
    try {
      // FINESS gives the CHU site Félix Guyon its number (the fixture's real line); the SAE carries none.
      expect((await g.run('finess', finessBytes(), { fileName: 'etalab-cs1100507-stock-20260512-0339.csv' })).status).toBe('appliqué');
      expect((await g.run('sae-urgences', Buffer.concat([file('URGENCES2_2021r.csv'), file('ID_2021r.csv')]), { fileName: 'sae-2021.csv' })).status).toBe('appliqué');
      expect(await g.one("SELECT telephone, visits_year FROM structures WHERE id = 'su:970400024'")).toEqual({ telephone: '0262905050', visits_year: 2021 });
    } finally {
      g.close();
    }
  });

  it('refuses URGENCES2 alone, in French, changing nothing', async () => {
    const before = await f.checksums();
    const outcome = await f.run('sae-urgences', file('URGENCES2_2021r.csv'), { fileName: 'urgences2-seul.csv' });
    expect(outcome.status).toBe('rejeté');
    expect(outcome.message).toMatch(/table ID absente : joignez la base ID de la SAE à la suite de URGENCES2/);
    expect(await f.checksums()).toEqual(before);
  });
});
