/**
 * The one validator wrapper: zod at the edge, failures answered as a 400 ApiError whose issues
 * name each field with a French message.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { badRequest } from './api-error';

export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || target, message: i.message }));
      throw badRequest(`Paramètres invalides : ${issues.map((i) => `${i.path} — ${i.message}`).join(' ; ')}`, issues);
    }
  });
}
