/** The COG reader on the real lists: scope, EPCI membership, and the old → new code table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, inject } from 'vitest';
import { readCogLists } from '../../server/src/ingest/cog-lists';
import { mirrorDir } from '../helpers/paths';

describe('the COG 2026 lists', () => {
  const lists = readCogLists(join(inject('inputCache'), 'cog'));

  it('keep the 34 875 communes of métropole and the 5 DROM, without the COM', () => {
    expect(lists.communes).toHaveLength(34875);
    expect(lists.communes.filter((c) => c.zone === 'drom')).toHaveLength(129);
    expect(lists.communes.some((c) => c.zone === 'com')).toBe(false);
  });

  it('attach each commune to its EPCI, and leave the island communes without one', () => {
    expect(lists.communes.find((c) => c.code === '44109')!.epci).toBe('244400404');
    const isolated = lists.communes.filter((c) => c.epci === null).map((c) => c.nom).sort();
    expect(isolated).toEqual(["L'Île-d'Yeu", 'Ouessant', 'Île-de-Bréhat', 'Île-de-Sein']);
  });

  it.runIf(mirrorDir())('derive the same old → new code table as the mirror publishes', () => {
    const csv = readFileSync(join(mirrorDir()!, 'cog-2026-decoupage-administratif/passage_old_to_cog2026.csv'), 'utf8');
    const expected = csv.trim().split('\n').slice(1).map((l) => l.split(',')).map(([oldCode, code, relation]) => ({ oldCode, code, relation }));
    expect(lists.passage.map(({ oldCode, code, relation }) => ({ oldCode, code, relation }))).toEqual(
      expected.sort((a, b) => a.oldCode!.localeCompare(b.oldCode!)),
    );
  });

  it('carry the same data in the mirror as in the pinned npm package', () => {
    const fromNpm = readCogLists(join(import.meta.dirname, '../../node_modules/@etalab/decoupage-administratif/data'));
    expect(fromNpm.communes).toEqual(lists.communes);
    expect(fromNpm.epci).toEqual(lists.epci);
  });
});
