/**
 * Issue 20, item 2: which structure lists are complete in a set of départements — MSP and centres
 * de santé by the `msp-cds` declarations (the national FINESS extraction's), MMG and SNP offers by
 * theirs — said « non déclarée complète » wherever a département was not declared, never « aucune ».
 */
import { describe, expect, it } from 'vitest';
import { offerCompletenessSentence, offerListsCompleteness } from '../../server/src/analysis/offer-completeness';
import type { CompletenessRecord } from '../../server/src/analysis/completeness';

const FINESS = 'FINESS, extraction Etalab du 2026-05-12 (etalab-cs1100507-stock-20260512-0339.csv)';
const declared = (departement: string, list: CompletenessRecord['list'], date = '2026-05-12', source = FINESS): CompletenessRecord => ({ departement, list, date, source, demo: false });

describe('offerListsCompleteness', () => {
  it('says the MSP and centres de santé complete at the extraction date where FINESS declared every département, the MMG not', () => {
    const lists = offerListsCompleteness(['2B', '2A', '2A'], [declared('2A', 'msp-cds'), declared('2B', 'msp-cds'), declared('44', 'mmg')]);
    expect(lists.map((l) => [l.liste, l.complete, l.phrase])).toEqual([
      ['msp-cds', true, `complète au 2026-05-12 (${FINESS})`],
      ['mmg', false, 'non déclarée complète'],
      ['snp', false, 'non déclarée complète'],
    ]);
    expect(lists[0]!.departementsComplets.map((d) => d.code)).toEqual(['2A', '2B']);
    expect(lists[0]!.categories).toEqual(['MSP', 'CDS']);
    expect(offerCompletenessSentence(lists)).toBe(`MSP et centres de santé : liste complète au 2026-05-12 (${FINESS}) ; maisons médicales de garde : liste non déclarée complète ; offres de soins non programmés (toutes) : liste non déclarée complète`);
  });

  it('is not complete for a set of which one département was not declared, and says how many were', () => {
    const [msp] = offerListsCompleteness(['31', '32', '44'], [declared('31', 'msp-cds'), declared('44', 'msp-cds', '2026-03-01', 'ARS')]);
    expect(msp).toMatchObject({ complete: false, departementsNonDeclares: ['32'] });
    expect(msp!.phrase).toBe('complète du 2026-03-01 au 2026-05-12 dans 2 départements sur 3 ; non déclarée complète ailleurs');
  });

  it('declares nothing complete for an empty set or without declarations', () => {
    expect(offerListsCompleteness([], [declared('2A', 'msp-cds')]).every((l) => !l.complete)).toBe(true);
    expect(offerListsCompleteness(['2A'], []).every((l) => l.phrase === 'non déclarée complète')).toBe(true);
  });
});
