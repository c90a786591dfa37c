/** joinJsonObjects: serialised objects joined as `JSON.stringify({ ...a, ...b })` would give them. */
import { describe, expect, it } from 'vitest';
import { joinJsonObjects } from '../../server/src/lib/join-json';

describe('joinJsonObjects', () => {
  it('gives the text of the spread objects, empty ones included', () => {
    const a = { territoire: { code: 'departement:31', nom: 'Haute-Garonne' }, versionDonnees: '3.1' };
    const b = { bandes: [{ bande: 'moins de 10 km', communes: 12 }], note: 'virgule, accolade } et guillemet "' };
    expect(joinJsonObjects(JSON.stringify(a), JSON.stringify(b))).toBe(JSON.stringify({ ...a, ...b }));
    expect(joinJsonObjects(JSON.stringify(a), '{}')).toBe(JSON.stringify(a));
    expect(joinJsonObjects('{}', JSON.stringify(b), '{"fin":true}')).toBe(JSON.stringify({ ...b, fin: true }));
  });

  it('refuses what is not an object', () => {
    expect(() => joinJsonObjects('[1]', '{}')).toThrow(/objet JSON attendu/);
  });
});
