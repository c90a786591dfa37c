/**
 * GET /api/journal?format=csv — the audit log (who, when, what, before/after), newest first:
 * every entry for an administrator, the entries of their territory for an ARS delegate (entries
 * that name no département — sign-in failure bursts — only for administrators). `format=csv`
 * exports the same rows (journal_<AAAA-MM-JJ>.csv).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { listAudit, type AuditRow } from '../db/audit-queries';
import { isAdmin, policy } from '../policy/policy';
import { parisDay } from '../lib/attachment';
import { toCsv, type CsvColumn } from '../lib/csv';
import { validate } from '../lib/validate';
import { regionsOf } from './policy-refs';

const COLUMNS: CsvColumn<AuditRow>[] = [
  { header: 'date', value: (r) => r.at },
  { header: 'auteur', value: (r) => r.actor },
  { header: 'action', value: (r) => r.action },
  { header: 'objet', value: (r) => r.target },
  { header: 'départements', value: (r) => r.departements.join(' ') },
  { header: 'avant', value: (r) => r.before },
  { header: 'après', value: (r) => r.after },
  { header: 'détail', value: (r) => r.detail },
];

export const auditRoutes = new Hono<AppEnv>()
  .get('/journal', validate('query', z.object({ format: z.enum(['json', 'csv']).optional() })), async (c) => {
    const { actor } = c.get('scope');
    const readable = policy.readAudit(actor, await regionsOf(c));
    const admin = isAdmin(actor);
    const rows = (await listAudit(c.get('state'))).filter((r) => (r.departements.length === 0 ? admin : readable(r.departements)));
    if (c.req.valid('query').format === 'csv') {
      return c.text(toCsv(COLUMNS, rows), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="journal_${parisDay()}.csv"`,
      });
    }
    return c.json({
      entrees: rows.map((r) => ({ id: r.id, date: r.at, auteur: r.actor, action: r.action, objet: r.target, departements: r.departements, avant: r.before, apres: r.after, detail: r.detail })),
      total: rows.length,
    });
  });
