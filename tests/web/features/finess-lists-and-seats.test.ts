/**
 * Issue 20 in the web app's pure parts: what the structures legend says of each list (complete at
 * a French date, from FINESS, or not declared), and the CPTS drawn as a point at their seat — only
 * those without a known perimeter and with a position, under the CPTS layer's status filter.
 */
import { describe, expect, it } from 'vitest';
import { listsCompletenessLines } from '../../../web/src/features/structures/lists-completeness-text';
import type { StructureListsCompleteness } from '../../../web/src/features/structures/api/list-structures';
import { cptsSeatsGeoJson } from '../../../web/src/features/coverage/cpts-seats-geojson';
import type { CptsItem } from '../../../web/src/features/cpts/api/list-cpts';

const FINESS = 'FINESS, extraction Etalab du 2026-05-12 (etalab-cs1100507-stock-20260512-0339.csv)';
const list = (liste: string, complets: { code: string; date: string; source: string }[], non: string[]) =>
  ({ liste, libelle: liste, categories: [], complete: non.length === 0 && complets.length > 0, departementsComplets: complets, departementsNonDeclares: non, phrase: '' });
const answer = (...listes: ReturnType<typeof list>[]) => ({ listes, phrase: '' }) as unknown as StructureListsCompleteness;

describe('listsCompletenessLines', () => {
  it('says « liste complète au 12 mai 2026 (FINESS) » for MSP and centres de santé, « non déclarée complète » for the MMG', () => {
    const lines = listsCompletenessLines([answer(list('msp-cds', [{ code: '2A', date: '2026-05-12', source: FINESS }], []), list('mmg', [], ['2A']))]);
    expect(lines).toEqual([
      { liste: 'msp-cds', complete: true, text: 'MSP et centres de santé : liste complète au 12 mai 2026 (FINESS)' },
      { liste: 'mmg', complete: false, text: 'Maisons médicales de garde : liste non déclarée complète — d’autres peuvent exister' },
    ]);
  });

  it('reads several scopes together: complete in some départements only is not complete', () => {
    const lines = listsCompletenessLines([
      answer(list('msp-cds', [{ code: '44', date: '2026-03-01', source: 'ARS' }], [])),
      answer(list('msp-cds', [], ['49'])),
    ]);
    expect(lines).toEqual([{ liste: 'msp-cds', complete: false, text: 'MSP et centres de santé : liste complète au 1er mars 2026 dans 1 département sur 2, non déclarée complète ailleurs' }]);
  });
});

const cpts = (id: string, perimetre: 'renseigné' | 'non renseigné', statut: string, position: { lon: number; lat: number; precision: 'adresse' | 'commune' } | null) =>
  ({ id, nom: `CPTS ${id}`, statut, perimetre, finess: id.startsWith('finess:') ? id.slice(7) : null, demonstration: false,
    siege: { commune: '2A004', nom: 'Ajaccio', adresse: '1 R DE LA RÉPUBLIQUE', position } }) as unknown as CptsItem;

describe('cptsSeatsGeoJson', () => {
  it('draws at their seat only the CPTS without a known perimeter that have a position, under the status filter', () => {
    const gj = cptsSeatsGeoJson([
      cpts('finess:2A0000001', 'non renseigné', 'non renseigné', { lon: 8.73, lat: 41.92, precision: 'adresse' }),
      cpts('finess:2A0000002', 'non renseigné', 'non renseigné', null),
      cpts('COR-2A-X', 'renseigné', 'ACI signé', { lon: 8.7, lat: 41.9, precision: 'commune' }),
      cpts('COR-2A-Y', 'non renseigné', 'ACI signé', { lon: 9.1, lat: 41.6, precision: 'commune' }),
    ], ['pré-projet', 'projet de santé', 'ACI signé', 'non renseigné']);
    expect(gj.features.map((f) => [f.properties.id, f.geometry.coordinates, f.properties.precision])).toEqual([
      ['finess:2A0000001', [8.73, 41.92], 'adresse'],
      ['COR-2A-Y', [9.1, 41.6], 'commune'],
    ]);
    expect(gj.features[0]!.properties).toMatchObject({ finess: '2A0000001', adresse: '1 R DE LA RÉPUBLIQUE', commune: 'Ajaccio' });
    // « ACI signé » only: a CPTS whose stage FINESS does not give is not among them.
    expect(cptsSeatsGeoJson([cpts('finess:2A0000001', 'non renseigné', 'non renseigné', { lon: 8.73, lat: 41.92, precision: 'adresse' })], ['ACI signé']).features).toEqual([]);
  });
});
