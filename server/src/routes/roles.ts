/**
 * Roles bound to territories (services/roles.ts, policy/policy.ts):
 * GET    /api/roles    the roles the user may see (administrator: all; ARS delegate: their territory's coordinators);
 * POST   /api/roles    { identifiant, role, territoire } grants → 201 (200 when already granted);
 * DELETE /api/roles    { identifiant, role, territoire } revokes.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { ROLES } from '../db/state-schema';
import { changeRole, visibleRoles } from '../services/roles';
import { validate } from '../lib/validate';
import { regionsOf } from './policy-refs';

const roleBody = z.object({
  identifiant: z.string().trim().toLowerCase().min(3).max(254).regex(/^[^\s]+$/, 'identifiant sans espace (adresse électronique)'),
  role: z.enum(ROLES, { message: `rôle inconnu (${ROLES.join(', ')})` }),
  territoire: z.string().trim().min(1).max(120),
});

export const roleRoutes = new Hono<AppEnv>()
  .get('/roles', async (c) => {
    const rows = await visibleRoles(c.get('db'), c.get('state'), c.get('scope').actor, await regionsOf(c));
    return c.json({ roles: rows.map((r) => ({ identifiant: r.identifiant, role: r.role, territoire: r.territoire, accordePar: r.grantedBy, accordeLe: r.grantedAt })) });
  })
  .post('/roles', validate('json', roleBody), async (c) => {
    const { changed } = await changeRole(c.get('db'), c.get('state'), { actor: c.get('scope').actor }, await regionsOf(c), c.req.valid('json'), true);
    return c.json({ accorde: true, nouveau: changed }, changed ? 201 : 200);
  })
  .delete('/roles', validate('json', roleBody), async (c) => {
    const { changed } = await changeRole(c.get('db'), c.get('state'), { actor: c.get('scope').actor }, await regionsOf(c), c.req.valid('json'), false);
    return c.json({ retire: changed });
  });
