/** The nearest SNP offers from one point: against a brute-force sort, states in each offer's own time zone. */
import { beforeAll, describe, expect, it } from 'vitest';
import { nearestSnpOffers, openStateOf, type SnpCandidate } from '../../server/src/analysis/nearest-snp-offers';
import { distance as turfDistance } from '@turf/turf';
import { loadCommuneTable } from '../../server/src/db/analysis-queries';
import { listStructures } from '../../server/src/db/structure-queries';
import { SNP_KINDS } from '../../server/src/analysis/snp-offers';
import type { CommuneTable } from '../../server/src/analysis/inputs';
import { fixtureApp } from '../helpers/fixture-app';

// The embedded default of the fixture database (real curated lists): read as the finder reads it.
let f: { table: CommuneTable };
let candidates: SnpCandidate[];
beforeAll(async () => {
  const app = await fixtureApp();
  f = { table: await loadCommuneTable(app.db) };
  candidates = await listStructures(app.db, { kinds: [...SNP_KINDS], demo: true });
  return () => app.close();
});

const MONDAY_21H_PARIS = new Date('2026-11-23T21:00:00+01:00');

describe('nearestSnpOffers', () => {
  it('returns the same offers, in the same order, as sorting every SNP offer by great-circle distance', () => {
    for (const code of ['31149', '44109', '97416', '30007', '75056']) {
      const c = f.table.byCode.get(code)!;
      const ours = nearestSnpOffers(c, candidates, { at: MONDAY_21H_PARIS, limit: 8 });
      // An independent twin: the SNP rule as the documentation states it, and turf's distance (a peer library).
      const brute = candidates
        .filter((o) => o.kind === 'MMG' || o.kind === 'SU' || ((o.kind === 'MSP' || o.kind === 'CDS') && o.acceptsSnp === 'oui'))
        .map((o) => ({ id: o.id, km: turfDistance([c.lon, c.lat], [o.lon, o.lat], { units: 'kilometers' }) }))
        .sort((a, b) => a.km - b.km || a.id.localeCompare(b.id))
        .slice(0, 8);
      expect(ours.map((n) => n.offer.id)).toEqual(brute.map((b) => b.id));
      ours.forEach((n, i) => {
        expect(n.distanceKm).toBeCloseTo(brute[i]!.km, 1);
        expect(n.distanceRouteKm).toBeCloseTo(brute[i]!.km * 1.3, 0);
      });
    }
  });

  it('finds the MMG of Colomiers first from Colomiers, and leaves out MSP and centres whose SNP reception is unknown', () => {
    const colomiers = f.table.byCode.get('31149')!;
    const [first] = nearestSnpOffers(colomiers, candidates, { at: MONDAY_21H_PARIS });
    expect(first!.offer).toMatchObject({ kind: 'MMG', name: 'MMG COLOMIERS' });
    expect(candidates.filter((c) => c.kind === 'MSP').length).toBeGreaterThan(50);
    const all = nearestSnpOffers(colomiers, candidates, { at: MONDAY_21H_PARIS, limit: 50 });
    expect(all.every((n) => ['MMG', 'SU'].includes(n.offer.kind))).toBe(true);
  });

  it('says the Bouaye MMG is open at 21:00 on a Monday until midnight, and closed on Tuesday morning until 20:00', () => {
    const bouaye = f.table.byCode.get('44018')!;
    const [mmg] = nearestSnpOffers(bouaye, candidates, { at: MONDAY_21H_PARIS, limit: 1 });
    expect(mmg!.offer.kind).toBe('MMG');
    expect(mmg!.ouverture).toMatchObject({ etat: 'ouvert', jusquaLocal: '2026-11-24T00:00', horaires: 'renseignés' });
    const [morning] = nearestSnpOffers(bouaye, candidates, { at: new Date('2026-11-24T09:00:00+01:00'), limit: 1 });
    expect(morning!.ouverture).toMatchObject({ etat: 'fermé', ouvreALocal: '2026-11-24T20:00', ouvreA: '2026-11-24T19:00:00.000Z' });
  });

  it('reads hours in the offer’s own time zone: 09:00 at La Réunion is 06:00 in Paris', () => {
    const offer: SnpCandidate = { id: 'x', kind: 'MMG', departement: '974', lon: 55.47, lat: -21.34, openingHours: 'Mo-Fr 08:00-12:00', acceptsSnp: 'oui' };
    const at = new Date('2026-11-23T05:00:00Z');
    const [reunion] = nearestSnpOffers({ lon: 55.45, lat: -21.3 }, [offer], { at });
    expect(reunion!.fuseau).toBe('Indian/Reunion');
    expect(reunion!.ouverture.etat).toBe('ouvert');
    expect(openStateOf(offer, at, 'Europe/Paris').etat).toBe('fermé');
  });

  it('takes an SU without hours as open around the clock, and another offer without hours as unknown', () => {
    expect(openStateOf({ kind: 'SU', openingHours: null }, MONDAY_21H_PARIS, 'Europe/Paris')).toMatchObject({ etat: 'ouvert', horaires: 'supposés 24 h/24' });
    expect(openStateOf({ kind: 'MMG', openingHours: null }, MONDAY_21H_PARIS, 'Europe/Paris')).toEqual({ etat: 'inconnu', raison: 'horaires non renseignés' });
    expect(openStateOf({ kind: 'MMG', openingHours: 'pas des horaires' }, MONDAY_21H_PARIS, 'Europe/Paris')).toEqual({ etat: 'inconnu', raison: 'horaires illisibles' });
  });

  it('handles no candidates, a distance limit, and refuses bad input with a precise message', () => {
    expect(nearestSnpOffers({ lon: 2, lat: 47 }, [], { at: MONDAY_21H_PARIS })).toEqual([]);
    const colomiers = f.table.byCode.get('31149')!;
    const near = nearestSnpOffers(colomiers, candidates, { at: MONDAY_21H_PARIS, limit: 50, maxRouteKm: 10 });
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((n) => n.distanceRouteKm <= 10)).toBe(true);
    expect(() => nearestSnpOffers({ lon: 200, lat: 47 }, candidates, { at: MONDAY_21H_PARIS })).toThrow(/point de départ invalide/);
    expect(() => nearestSnpOffers(colomiers, candidates, { at: MONDAY_21H_PARIS, limit: 0 })).toThrow(/entier de 1 à 50/);
    expect(() => nearestSnpOffers(colomiers, candidates, { at: new Date('x') })).toThrow(/instant invalide/);
  });
});
