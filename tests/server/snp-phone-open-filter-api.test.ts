/**
 * Issue 12, items 11–12 on the API: the FINESS telephone kept through a FINESS import (and a later
 * MMG import) into /api/structures and /api/snp/nearest; the « ouvert maintenant / ce soir » filter
 * of /api/snp/nearest on the fixture's embedded default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLine } from '../helpers/finess-fixture';
import { importFixture, type ImportFixture } from '../helpers/import-fixture';

// 05 36 49 00 01 is in the range ARCEP reserves for fiction (05 36 49 xx xx): the fixture's
// MMG COLOMIERS line has no telephone, this one stands for the number FINESS would carry.
const FICTION_PHONE = '0536490001';
const MONDAY_21H = encodeURIComponent('2026-11-23T21:00:00+01:00');
const MONDAY_10H = encodeURIComponent('2026-11-23T10:00:00+01:00');

let f: ImportFixture;
beforeAll(async () => {
  f = await importFixture();
  const file = withLine(2, (l) => l.split(';').map((v, i) => (i === 16 ? FICTION_PHONE : v)).join(';'));
  const outcome = await f.run('finess', file, { fileName: 'etalab-cs1100507-stock-20260512-0339.csv' });
  expect(outcome.status).toBe('appliqué');
});
afterAll(() => f.close());

describe('telephone numbers from FINESS', () => {
  it('keeps the telephone FINESS gives for the CHU site Félix Guyon and MMG COLOMIERS in /api/structures', async () => {
    const reunion = await f.get('/api/structures?departement=974');
    const chu = reunion.body.features.find((x: any) => x.properties.id === 'finess:970400024');
    expect(chu.properties).toMatchObject({ nom: 'CHU SITE FELIX GUYON (SAINT DENIS)', telephone: '0262905050' });
    const hg = await f.get('/api/structures?departement=31&kind=MMG');
    expect(hg.body.features.find((x: any) => x.properties.nom === 'MMG COLOMIERS').properties.telephone).toBe(FICTION_PHONE);
    // A structure FINESS knows without a telephone says so with null, never an empty string.
    const msp = (await f.get('/api/structures?departement=31&kind=MSP')).body.features.find((x: any) => x.properties.id === 'finess:310025945');
    expect(msp.properties.telephone).toBeNull();
  });

  it('gives the telephone with the offer in /api/snp/nearest, and null for offers without one', async () => {
    const { body } = await f.get(`/api/snp/nearest?commune=31149&at=${MONDAY_21H}&limit=5`);
    expect(body.offres[0]).toMatchObject({ nom: 'MMG COLOMIERS', telephone: FICTION_PHONE });
    expect(body.offres.slice(1).every((o: any) => o.telephone === null)).toBe(true);
  });

  it('keeps the FINESS telephone when an MMG file later gives the same MMG its hours', async () => {
    const mmg = [
      'nom;finess_et;commune_insee;adresse;longitude;latitude;horaires;horaires_semaine;horaires_samedi;horaires_dimanche_feries;adossee_urgences;finess_su_hote;accepte_snp;note;source;date_source',
      'MMG COLOMIERS;310036256;31149;10 CHE DE COURNAUDIS;;;"Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00";;;;non;;oui;;ARS Occitanie;2026-11',
    ].join('\n');
    const outcome = await f.run('mmg', Buffer.from(`${mmg}\n`), { fileName: 'mmg.csv' });
    expect(outcome.message).toMatch(/appliqué/);
    const row = await f.one<{ telephone: string; opening_hours: string }>("SELECT telephone, opening_hours FROM structures WHERE id = 'finess:310036256'");
    expect(row.telephone).toBe(FICTION_PHONE);
    expect(row.opening_hours).toMatch(/20:00-24:00/);
  });
});

describe('GET /api/snp/nearest?ouvert=', () => {
  it('near Bouaye on Monday at 10:00, « ce-soir » keeps the MMG of Bouaye (20:00–24:00) that « maintenant » leaves out', async () => {
    const all = (await f.get(`/api/snp/nearest?commune=44018&at=${MONDAY_10H}&limit=50`)).body;
    const now = (await f.get(`/api/snp/nearest?commune=44018&at=${MONDAY_10H}&limit=10&ouvert=maintenant`)).body;
    const evening = (await f.get(`/api/snp/nearest?commune=44018&at=${MONDAY_10H}&limit=10&ouvert=ce-soir`)).body;
    expect(now.filtre).toBe('maintenant');
    expect(now.offres.length).toBeGreaterThan(0);
    expect(now.offres.every((o: any) => o.ouverture.etat === 'ouvert')).toBe(true);
    expect(now.offres.map((o: any) => o.nom)).not.toContain('Maison médicale de garde de Bouaye (CAPS)');
    expect(evening.offres[0].nom).toBe('Maison médicale de garde de Bouaye (CAPS)');
    // The filtered list is the unfiltered one with the others left out, in the same order.
    const openNames = all.offres.filter((o: any) => o.ouverture.etat === 'ouvert').map((o: any) => o.nom);
    expect(now.offres.map((o: any) => o.nom)).toEqual(openNames.slice(0, now.offres.length));
    // Hours unknown are never counted as open.
    expect(evening.offres.every((o: any) => o.horaires !== null || o.type === 'SU')).toBe(true);
  });

  it('refuses an unknown filter in French', async () => {
    const { status, body } = await f.get('/api/snp/nearest?commune=44018&ouvert=demain');
    expect(status).toBe(400);
    expect(JSON.stringify(body.error)).toMatch(/« maintenant » ou « ce-soir »/);
  });
});
