/**
 * « Liste complète au <date> » through the import service: a CPTS list of Loire-Atlantique
 * (all its communes but one EPCI's, split into CPTS by EPCI) declared complete turns the
 * département into computed coverage with real zones blanches, beside the official figure; the
 * declaration is journaled and replayed; an import without declaration changes no completeness;
 * a bad declaration changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../server/src/imports/import-archive';
import { replayJournal } from '../../server/src/imports/replay-journal';
import { fixtureApp } from '../helpers/fixture-app';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { INPUT_CACHE, mirrorDir } from '../helpers/paths';

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const TOKEN = { authorization: 'Bearer jeton-de-test' };
const post = async (url: string, body: string) => {
  const res = await f.app.request(url, { method: 'POST', body: new TextEncoder().encode(body), headers: TOKEN });
  return { status: res.status, body: (await res.json()) as any };
};

/** The official CPTS coverage of a zone at a date, from the mirror's file (plain split). */
function officialCpts(zone: string, date: string): number {
  const path = mirrorDir() ? join(mirrorDir()!, 'barometre-action-publique/ind-589.csv') : join(INPUT_CACHE, 'barometre/ind-589.csv');
  const row = readFileSync(path, 'utf8').split('\n').map((l) => l.split(',')).find((r) => r[1] === zone && r[2] === date)!;
  return Number(row[5] || row[4]);
}

const HEADER = 'id_cpts;nom;statut;date_statut;commune_insee;source';
const audits = () => f.state.query<{ action: string; target: string; departements: string[]; after: string }>(
  "SELECT action, target, departements, after FROM etat.audit WHERE action = 'liste-complete' ORDER BY at_time");
let communes44: { code: string; epci: string; population: number }[];
let leftOut: string;

describe('declaring the CPTS list of a département complete', () => {
  it('turns Loire-Atlantique from « non renseigné » into computed coverage with real zones blanches, beside the official figure', async () => {
    communes44 = await f.db.all("SELECT code, coalesce(epci, '') AS epci, population FROM communes WHERE departement = '44' ORDER BY code");
    const epcis = [...new Set(communes44.map((c) => c.epci))].sort();
    leftOut = epcis[epcis.length - 1]!; // one EPCI without CPTS: its communes are the zones blanches
    const lines = communes44.filter((c) => c.epci !== leftOut).map((c) => {
      const group = epcis.indexOf(c.epci) % 4;
      return `TEST-44-${group};CPTS de test ${group};ACI signé;2025-01-15;${c.code};liste ARS de test`;
    });
    const before = (await f.get('/api/coverage/cpts?territory=departement:44')).body;
    expect(before.zonesBlanches).toEqual([]);
    expect(before.population.part).toBeNull();

    const res = await post('/api/imports/cpts?nom=cpts-44.csv&liste_complete=44&complete_au=2026-11-01', `${HEADER}\n${lines.join('\n')}\n`);
    expect(res.status).toBe(201);
    expect(res.body.message).toMatch(/Liste des CPTS déclarée complète au 2026-11-01 pour le département 44\./);

    const after = (await f.get('/api/coverage/cpts?territory=departement:44&date=2026-11-30')).body;
    const blank = communes44.filter((c) => c.epci === leftOut);
    expect(after.zonesBlanches.map((z: any) => z.code).sort()).toEqual(blank.map((c) => c.code));
    expect(after.population.nonCouverte).toBe(blank.reduce((s, c) => s + c.population, 0));
    expect(after.population.nonRenseignee).toBe(0);
    expect(after.completude.departementsComplets).toEqual([{ code: '44', nom: 'Loire-Atlantique', date: '2026-11-01', population: after.territoire.population }]);
    expect(after.completude.phrase).toBe(`couverture calculée sur 1 département à liste complète (${after.territoire.population.toLocaleString('fr-FR')} hab.) ; 0 département non renseigné`);
    const cmp = after.comparaisonOfficielle;
    expect(cmp.officiel).toMatchObject({ valeur: officialCpts('D44', '2024-05-01'), date: '2024-05-01' });
    expect(cmp.calcule).toBeCloseTo(after.population.part * 100, 1);
    expect(cmp.ecartPoints).toBeCloseTo(cmp.calcule - cmp.officiel.valeur, 1);
    expect(cmp.phrase).toMatch(new RegExp(`^calculé : [\\d,]+ % d'après ${after.cpts.length} CPTS importées .* ; officiel : ${officialCpts('D44', '2024-05-01')} % au 1er mai 2024 \\(écart`));
    // Before their status date (2025-01-15), the CPTS do not count: the whole département is a zone blanche.
    const early = (await f.get('/api/coverage/cpts?territory=departement:44&date=2024-12-31')).body;
    expect(early.cpts.map((c: any) => c.id)).not.toContain('TEST-44-0');
    expect(early.cptsPasEncoreActives.map((c: any) => c.id)).toContain('TEST-44-0');
  });

  it('journals the declaration with the import, and the rebuild replay restores it', async () => {
    const entry = readJournal(f.archiveDir).find((e) => e.fileName === 'cpts-44.csv')!;
    expect(entry.completeness).toEqual({ list: 'cpts', departements: ['44'], date: '2026-11-01' });
    const fresh = await fixtureApp({ writable: true });
    try {
      expect(await fresh.db.all('SELECT * FROM completeness')).toEqual([]);
      const { problems } = await replayJournal(fresh.db, f.archiveDir);
      expect(problems).toEqual([]);
      expect(await fresh.db.all('SELECT departement, list_kind, complete_on FROM completeness')).toEqual([{ departement: '44', list_kind: 'cpts', complete_on: '2026-11-01' }]);
    } finally {
      fresh.close();
    }
  });

  it('changes no completeness with a second import that declares nothing', async () => {
    const before = await f.db.all('SELECT * FROM completeness ORDER BY ALL');
    const res = await post('/api/imports/cpts?nom=cpts-49.csv', `${HEADER}\nTEST-49;CPTS de test d'Angers;projet de santé;2025;49007;liste de test\n`);
    expect(res.status).toBe(201);
    expect(res.body.message).not.toMatch(/complète/);
    expect(await f.db.all('SELECT * FROM completeness ORDER BY ALL')).toEqual(before);
    const angers = (await f.get('/api/coverage/cpts?territory=departement:49')).body;
    expect(angers.zonesBlanches).toEqual([]);
    expect(angers.completude.departementsNonRenseignes.map((d: any) => d.code)).toEqual(['49']);
    expect(readJournal(f.archiveDir).find((e) => e.fileName === 'cpts-49.csv')!.completeness).toBeUndefined();
  });

  it('records a declaration sent with a file already imported, rather than answering « aucun changement » (issue 22, item 1)', async () => {
    const lines = communes44.filter((c) => c.epci !== leftOut).map((c) => {
      const group = [...new Set(communes44.map((x) => x.epci))].sort().indexOf(c.epci) % 4;
      return `TEST-44-${group};CPTS de test ${group};ACI signé;2025-01-15;${c.code};liste ARS de test`;
    });
    const cptsBefore = await f.db.all('SELECT * FROM cpts_communes ORDER BY ALL');
    const res = await post('/api/imports/cpts?nom=cpts-44.csv&liste_complete=44&complete_au=2026-12-01', `${HEADER}\n${lines.join('\n')}\n`);
    expect(res.status).toBe(200);
    expect(res.body.statut).toBe('déjà importé');
    expect(res.body.message).toMatch(/: aucune ligne changée\. Liste des CPTS déclarée complète au 2026-12-01 pour le département 44 \(déclaration decl-/);
    expect(await f.db.all("SELECT complete_on FROM completeness WHERE departement = '44'")).toEqual([{ complete_on: '2026-12-01' }]);
    expect(await f.db.all('SELECT * FROM cpts_communes ORDER BY ALL')).toEqual(cptsBefore);
    expect(readJournal(f.archiveDir).at(-1)).toMatchObject({ kind: 'liste-complete', fileName: expect.stringMatching(/^cpts-44\.csv \(import imp-/) });
    expect(await audits()).toContainEqual(expect.objectContaining({ after: 'liste des CPTS déclarée complète au 2026-12-01 pour le département 44' }));
  });

  it('declares a list complete on its own: POST /api/imports/liste-complete, journaled, audited, listed with the imports, replayed (issue 22, item 1)', async () => {
    // Maine-et-Loire has one CPTS (Angers, imported above) and no declaration: « non renseigné ».
    expect((await f.get('/api/coverage/cpts?territory=departement:49')).body.zonesBlanches).toEqual([]);
    const res = await post(`/api/imports/liste-complete?liste_complete=49&liste=cpts&complete_au=2026-11-15&source=${encodeURIComponent('liste ARS des CPTS au 15/11/2026')}`, '');
    expect(res.status).toBe(201);
    expect(res.body.message).toMatch(/^Liste des CPTS déclarée complète au 2026-11-15 pour le département 49 \(déclaration decl-\S+, liste ARS des CPTS au 15\/11\/2026\)\.$/);
    const angers = (await f.get('/api/coverage/cpts?territory=departement:49&date=2026-11-30')).body;
    expect(angers.zonesBlanches.length).toBeGreaterThan(0);
    expect(angers.completude.departementsComplets).toEqual([expect.objectContaining({ code: '49', date: '2026-11-15' })]);
    const id = res.body.import.id;
    expect((await f.get('/api/imports')).body.imports[0]).toMatchObject({ id, kind: 'liste-complete', fileName: 'liste ARS des CPTS au 15/11/2026', rapport: { completeness: { list: 'cpts', departements: ['49'] } } });
    expect(await audits()).toContainEqual({ action: 'liste-complete', target: id, departements: ['49'], after: 'liste des CPTS déclarée complète au 2026-11-15 pour le département 49' });
    const again = await post('/api/imports/liste-complete?liste_complete=49&liste=cpts&complete_au=2026-11-15', '');
    expect(again.status).toBe(200);
    expect(again.body.message).toMatch(/c'était déjà déclaré, rien n'a changé/);
    const fresh = await fixtureApp({ writable: true });
    try {
      expect((await replayJournal(fresh.db, f.archiveDir)).problems).toEqual([]);
      expect(await fresh.db.all('SELECT departement, list_kind, complete_on FROM completeness ORDER BY departement')).toEqual([
        { departement: '44', list_kind: 'cpts', complete_on: '2026-12-01' }, { departement: '49', list_kind: 'cpts', complete_on: '2026-11-15' },
      ]);
    } finally {
      fresh.close();
    }
  });

  it('refuses a declaration on its own without list, without départements or outside the token\'s territory, changing nothing', async () => {
    const before = await f.checksums();
    const noList = await post('/api/imports/liste-complete?liste_complete=85', '');
    expect(noList.status).toBe(400);
    expect(noList.body.error.issues[0].message).toBe('liste attendue : cpts, mmg ou snp (la liste déclarée complète)');
    expect((await post('/api/imports/liste-complete?liste=cpts', '')).status).toBe(400);
    const unknown = await post('/api/imports/liste-complete?liste_complete=01&liste=cpts', '');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/département\(s\) 01 de la liste complète inconnu\(s\) de la base/);
    const scoped = await fixtureApp({ writable: true, config: { editorTokenTerritories: ['departement:44'] } });
    try {
      const res = await scoped.app.request('/api/imports/liste-complete?liste_complete=85&liste=cpts', { method: 'POST', headers: TOKEN });
      expect(res.status).toBe(403);
      expect(await scoped.db.all('SELECT * FROM completeness')).toEqual([]);
    } finally {
      scoped.close();
    }
    expect(await f.checksums()).toEqual(before);
  });

  it('refuses an unreadable or unknown département, or a list the kind cannot complete, in French and changing nothing', async () => {
    const before = await f.checksums();
    const file = `${HEADER}\nTEST-85;CPTS de test;projet de santé;2025;85191;test\n`;
    const bad = await post('/api/imports/cpts?liste_complete=4X', file);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/départements de la liste complète illisibles : 4X/);
    const unknown = await post('/api/imports/cpts?liste_complete=01', file);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/département\(s\) 01 de la liste complète inconnu\(s\) de la base/);
    const kind = await post('/api/imports/sas?liste_complete=85', 'departement;statut;source\n85;opérationnel;test\n');
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toMatch(/ne complète aucune liste par lui-même/);
    expect((await post('/api/imports/cpts?liste_complete=85&complete_au=2026-02-30', file)).status).toBe(400);
    expect(await f.checksums()).toEqual(before);
  });
});
