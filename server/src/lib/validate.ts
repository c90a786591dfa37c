/**
 * The one validator wrapper: zod at the edge, failures answered as a 400 ApiError whose issues
 * name each field with a French message.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { badRequest } from './api-error';
import './french-zod';

const REPEATED = 'paramètre donné plusieurs fois : une seule valeur attendue';

export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      // Hono hands a query parameter given twice as a list: say so, whatever the schema's message.
      const input = (result as { data?: unknown }).data as Record<string, unknown> | undefined;
      const repeated = (key: unknown) => target === 'query' && Array.isArray(input?.[String(key)]);
      const issues = result.error.issues.map((i) => ({
        path: i.path.map(String).join('.') || target,
        message: repeated(i.path[0]) ? REPEATED : i.message,
      }));
      throw badRequest(`Paramètres invalides : ${issues.map((i) => `${i.path} — ${i.message}`).join(' ; ')}`, issues);
    }
  });
}
