/**
 * The CSV template imports on the fixture database, from the documented examples: CPTS with the
 * communes their sources name, MMG with hours, emergency sites, protocol deployments, SAS — old
 * codes translated, unknown codes refused (and then nothing changes), demonstration CPTS replaced
 * by real ones in their département.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';
import { REPO } from '../helpers/paths';

const example = (name: string) => readFileSync(join(REPO, 'docs/exemples', name));
const utf8 = (s: string) => Buffer.from(s, 'utf8');

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
});
afterAll(() => f.close());

const rows = (sql: string) => f.db.all<Record<string, any>>(sql);

describe('CPTS', () => {
  it('imports the example: four CPTS and the ten communes their sources name', async () => {
    const o = await f.run('cpts', example('cpts.csv'));
    expect(o).toMatchObject({ status: 'appliqué', rowsRead: 11, rowsAccepted: 11, summary: { CPTS: 4, 'communes de CPTS': 10 } });
    const ngo = await rows("SELECT commune, coverage, note FROM cpts_communes WHERE cpts_id = 'PDL-44-NANTES-GRAND-OUEST' ORDER BY commune");
    expect(ngo).toEqual([
      { commune: '44047', coverage: 'entière', note: null }, { commune: '44074', coverage: 'entière', note: null },
      { commune: '44109', coverage: 'partielle', note: 'quartiers ouest' }, { commune: '44162', coverage: 'entière', note: null },
    ]);
    expect(await rows("SELECT id, departement, import_id IS NOT NULL AS imported FROM cpts WHERE id = 'PDL-49-GRAND-SAUMUROIS'"))
      .toEqual([{ id: 'PDL-49-GRAND-SAUMUROIS', departement: '49', imported: true }]);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM cpts_communes WHERE cpts_id = 'PDL-49-GRAND-SAUMUROIS'")).toEqual([{ n: 0 }]);
  });

  it('translates an old commune code and derives the département from the communes', async () => {
    const o = await f.run('cpts', utf8('id_cpts;nom;statut;commune_insee;source\nTEST-ANETZ;CPTS test d\'Anetz;projet de santé;44004;ARS (test)\n'));
    expect(o.warnings).toEqual([{ line: 2, ref: 'TEST-ANETZ', message: 'ancien code commune 44004 (Anetz) traduit en 44163 (Vair-sur-Loire) : commune-deleguee' }]);
    expect(await rows("SELECT p.departement, m.commune FROM cpts p JOIN cpts_communes m ON m.cpts_id = p.id WHERE p.id = 'TEST-ANETZ'"))
      .toEqual([{ departement: '44', commune: '44163' }]);
  });

  it('refuses a file with an unknown commune code, and nothing changes', async () => {
    const before = await f.checksums();
    const o = await f.run('cpts', utf8('id_cpts;nom;statut;commune_insee;source\nTEST-X;CPTS X;ACI signé;44109;ARS\nTEST-X;CPTS X;ACI signé;44999;ARS\n'));
    expect(o.status).toBe('rejeté');
    expect(o.rejects).toEqual([{ line: 3, ref: 'TEST-X', message: 'commune 44999 inconnue du Code officiel géographique 2026 (ni code actuel, ni ancien code)' }]);
    expect(await f.checksums()).toEqual(before);
  });

  it('replaces the demonstration CPTS of Haute-Garonne when real ones are imported there', async () => {
    const demoBefore = await rows("SELECT id FROM cpts WHERE demo ORDER BY id");
    expect(demoBefore).toHaveLength(8);
    const o = await f.run('cpts', utf8('id_cpts;nom;statut;commune_insee;source\nCPTS-31-TEST;CPTS réelle de test;ACI signé;31555;ARS Occitanie (test)\n'));
    expect(o.warnings.at(-1)!.message).toMatch(/^8 CPTS de démonstration retirée\(s\) \(département\(s\) 31\) : les CPTS importées les remplacent/);
    expect(await rows('SELECT id FROM cpts WHERE demo')).toEqual([]);
    expect(await rows('SELECT count(*)::INTEGER AS n FROM cpts_communes WHERE demo')).toEqual([{ n: 0 }]);
    expect(await rows('SELECT count(*)::INTEGER AS n FROM protocol_deployments WHERE demo AND cpts_id IS NOT NULL')).toEqual([{ n: 0 }]);
  });
});

describe('MMG and emergency sites', () => {
  it('imports the MMG example: hours converted, MMG COLOMIERS kept at its FINESS position', async () => {
    const before = await rows("SELECT lon, lat FROM structures WHERE id = 'finess:310036256'");
    const o = await f.run('mmg', example('mmg.csv'));
    expect(o).toMatchObject({ status: 'appliqué', summary: { MMG: 4, 'placés au point de la commune': 3, 'avec horaires': 2 } });
    expect(await rows("SELECT name, opening_hours, location_precision, source_date FROM structures WHERE id = 'mmg:44018:maison-medicale-de-garde-de-bouaye-caps'"))
      .toEqual([{ name: 'Maison médicale de garde de Bouaye (CAPS)', opening_hours: 'Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00', location_precision: 'commune', source_date: '2017-06' }]);
    const colomiers = await rows("SELECT lon, lat, location_precision, finess_category_label FROM structures WHERE id = 'finess:310036256'");
    expect(colomiers).toEqual([{ ...before[0], location_precision: 'adresse', finess_category_label: 'Maison médicale de garde (MMG)' }]);
  });

  it('links an MMG to its host emergency site by FINESS number, and refuses an unknown host', async () => {
    expect((await f.run('urgences', utf8('nom;finess_et;commune_insee;source\nCentre hospitalier de test;309999999;30007;test\n'))).status).toBe('appliqué');
    const ok = await f.run('mmg', utf8('nom;commune_insee;adossee_urgences;finess_su_hote;source\nMMG de test;30007;oui;309999999;test\n'));
    expect(ok.status).toBe('appliqué');
    expect(await rows("SELECT host_su_id FROM structures WHERE id = 'mmg:30007:mmg-de-test'")).toEqual([{ host_su_id: 'su:309999999' }]);
    const bad = await f.run('mmg', utf8('nom;commune_insee;finess_su_hote;source\nMMG sans hôte;30007;309999998;test\n'));
    expect(bad.rejects[0]!.message).toBe('site d\'urgences hôte su:309999998 inconnu : importez d\'abord les sites d\'urgences (type « urgences »)');
  });

  it('imports the emergency sites example at commune precision, Ancenis closed at night', async () => {
    const o = await f.run('urgences', example('urgences.csv'));
    expect(o.summary).toEqual({ "sites d'urgences": 7, 'placés au point de la commune': 7, 'avec horaires': 1 });
    expect(await rows("SELECT opening_hours, note FROM structures WHERE id = 'su:44003:centre-hospitalier-erdre-et-loire'"))
      .toEqual([{ opening_hours: 'Mo-Su 08:30-17:00', note: 'urgences fermées la nuit (17h-8h30) depuis le 10 février 2023' }]);
  });
});

describe('protocol deployments and SAS', () => {
  it('imports the deployments example in an MSP and in a CPTS, and refuses unknown protocols and FINESS numbers', async () => {
    const o = await f.run('deploiements', example('deploiements.csv'));
    expect(o.summary).toEqual({ déploiements: 3, 'dans des structures': 2, 'dans des CPTS': 1 });
    expect(await rows("SELECT id, delegues_count, since FROM protocol_deployments WHERE import_id IS NOT NULL ORDER BY id")).toEqual([
      { id: 'SNP-ODYNOPHAGIE@finess:310025945', delegues_count: 2, since: '2024-01' },
      { id: 'SNP-POLLAKIURIE@REU-974-GRAND-SUD', delegues_count: null, since: '2023-09' },
      { id: 'SNP-POLLAKIURIE@finess:310025945', delegues_count: 2, since: '2024-01' },
    ]);
    const bad = await f.run('deploiements', utf8('protocole;finess_et;source\nSNP-PLAIE-SIMPLE;310025945;x\nSNP-LOMBALGIE;319999999;x\n'));
    expect(bad.rejects.map((r) => r.message)).toEqual([
      'protocole « SNP-PLAIE-SIMPLE » inconnu (protocoles : SNP-ENTORSE-CHEVILLE, SNP-ERUPTION-VESICULEUSE, SNP-LOMBALGIE, SNP-ODYNOPHAGIE, SNP-POLLAKIURIE, SNP-RHINOCONJONCTIVITE)',
      'aucune structure de numéro FINESS 319999999 : importez d\'abord le FINESS',
    ]);
  });

  it('refuses the SAS example as a whole in the fixture (Moselle is not in it), then keeps the valid rows on request', async () => {
    const refused = await f.run('sas', example('sas.csv'));
    expect(refused.rejects).toEqual([{ line: 3, ref: '57', message: 'département 57 absent de la base (COG 2026, périmètre construit)' }]);
    expect(refused.status).toBe('rejeté');
    const kept = await f.run('sas', example('sas.csv'), { keepValid: true });
    expect(kept).toMatchObject({ status: 'partiel', rowsAccepted: 3, rowsRejected: 1 });
    expect(await rows("SELECT s.status, s.start_date, f.filiere, f.since FROM sas s JOIN sas_filieres f USING (departement) WHERE departement = '31'"))
      .toEqual([{ status: 'opérationnel', start_date: '2021', filiere: 'médecine générale', since: '2021' }]);
  });

  it('increments data_version once per applied import', async () => {
    const applied = await rows("SELECT count(*)::INTEGER AS n FROM imports");
    expect(await f.dataVersion()).toBe(String(1 + applied[0]!.n));
  });
});
