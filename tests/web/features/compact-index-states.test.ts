/**
 * The map's 2SFCA classes from the compact answer (`/access/2sfca/etats`): the same classes as
 * from the full per-commune rows, « non renseigné » (`-`) apart from a zero index.
 */
import { describe, expect, it } from 'vitest';
import { compactIndexRows, indexClasses } from '../../../web/src/features/access/commune-states';
import { NOT_KNOWN_STATE } from '../../../web/src/lib/not-known';

describe('2SFCA classes from compact indices', () => {
  const full = [
    { code: '31001', indice: 0 }, { code: '31002', indice: 1.5 }, { code: '31003', indice: 3.25 }, { code: '31004', indice: 0, etat: 'non_renseigne' },
    { code: '31005', indice: 7 }, { code: '31006', indice: 12.125 }, { code: '31007', indice: 20 },
  ];
  const compact = { codes: full.map((r) => r.code).join(','), valeurs: full.map((r) => (r.etat ? '-' : String(r.indice))).join(',') };

  it('reads every commune back, a « - » as « non renseigné » with a zero index', () => {
    expect(compactIndexRows(compact)).toEqual(full);
  });

  it('gives the same classes as the full rows: zero apart, « non renseigné » its own state', () => {
    const fromCompact = indexClasses(compactIndexRows(compact), 'quantiles', 3);
    expect(fromCompact).toEqual(indexClasses(full, 'quantiles', 3));
    expect(fromCompact.states.get('31004')).toEqual({ classe2sfca: NOT_KNOWN_STATE });
    expect(fromCompact.states.get('31001')).toEqual({ classe2sfca: -1 });
  });

  it('refuses codes and values that do not line up', () => {
    expect(() => compactIndexRows({ codes: '31001,31002', valeurs: '1' })).toThrow(/2 codes pour 1 valeurs/);
  });
});
