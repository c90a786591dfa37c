/** The schema is checked once when a database is opened, with a message saying what to do. */
import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../server/src/db/meta-queries';
import { CARE_SCHEMA_VERSION } from '../../server/src/db/care-schema';
import { fixtureApp } from '../helpers/fixture-app';

describe('checkSchema', () => {
  it('accepts a database built by this code', async () => {
    const f = await fixtureApp();
    await expect(checkSchema(f.db)).resolves.toBeUndefined();
    f.close();
  });

  it('refuses a database built for an older care schema and says to rebuild', async () => {
    const f = await fixtureApp({ writable: true });
    await f.db.run("UPDATE meta SET value = '1' WHERE key = 'care_schema_version'");
    await expect(checkSchema(f.db)).rejects.toThrow(new RegExp(`care_schema_version 1 au lieu de ${CARE_SCHEMA_VERSION}\\) : reconstruisez-la avec « npm run build:data »`));
    f.close();
  });
});
