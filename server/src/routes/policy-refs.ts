/** What the policy needs from the database, once per process (the geography does not change while it runs). */
import type { Context } from 'hono';
import type { AppEnv } from '../context';
import { departementRegions } from '../db/role-queries';
import { referenceData } from '../lib/analysis-cache';

export const regionsOf = (c: Context<AppEnv>) => referenceData(c.get('db'), 'departement-regions', () => departementRegions(c.get('db')));
