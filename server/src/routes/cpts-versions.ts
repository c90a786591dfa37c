/**
 * GET /api/cpts/:id/versions — the versions of a CPTS's perimeter and status, oldest first:
 * version 0 (the data build's, or the one saved before an import replaced it), then each validated
 * proposal or import, ordered by the day it takes effect, with its validity (from its day until the
 * next one's), who decided it and the communes it added and removed.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { cptsSummary } from '../db/cpts-queries';
import { listVersions } from '../db/version-queries';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';

const SINCE_ALWAYS = '0000-01-01';

export const cptsVersionRoutes = new Hono<AppEnv>()
  .get('/cpts/:id/versions', validate('param', z.object({ id: z.string().trim().min(1).max(100) })), async (c) => {
    const { id } = c.req.valid('param');
    const db = c.get('db');
    const base = await cptsSummary(db, id, c.get('scope').demo, '0000-01-01');
    if (!base) throw notFound(`CPTS « ${id} » inconnue.`);
    const versions = await listVersions(c.get('state'), id);
    const saved = versions[0]?.validFrom === SINCE_ALWAYS; // version 0 saved before an import replaced it
    const until = (i: number) => versions[i]?.validFrom ?? null;
    const base0 = { version: 0, origine: 'données', aPartirDu: null, jusquAu: until(0), statut: base.status, dateStatut: base.statusDate, communes: base.communes, ajouts: [] as string[], retraits: [] as string[], decidePar: null as string | null, proposition: null as string | null };
    return c.json({
      cpts: id,
      versions: [
        ...(saved ? [] : [base0]),
        ...versions.map((v, i) => ({
          version: v.version, origine: v.origin, aPartirDu: v.validFrom === SINCE_ALWAYS ? null : v.validFrom, jusquAu: until(i + 1), statut: v.status, dateStatut: v.statusDate,
          communes: v.communes, ajouts: v.added, retraits: v.removed, decidePar: v.createdBy as string | null, proposition: v.proposalId,
        })),
      ],
    });
  });
