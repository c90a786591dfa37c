/** Item 5 of issue 11: a Corsican INSEE code (2A…, 2B…) is found by the search, not a 500. */
import { describe, expect, it } from 'vitest';
import { searchCommunes } from '../../server/src/db/search-queries';
import { planSearch } from '../../server/src/search/plan-search';
import { france } from '../helpers/france';

describe('search by a Corsican INSEE code (built France data)', () => {
  it('finds Ajaccio by 2A004 and Bastia by 2b033', async () => {
    const { db } = await france();
    expect((await searchCommunes(db, planSearch('2A004'), 5))[0]).toMatchObject({ code: '2A004', nom: 'Ajaccio', match: 'code_insee' });
    expect((await searchCommunes(db, planSearch('2b033'), 5))[0]).toMatchObject({ code: '2B033', nom: 'Bastia', match: 'code_insee' });
  });
});
