/**
 * zod's default messages in French, set once for the whole server (imported by the validator
 * wrapper, lib/validate.ts): a schema without its own message still answers in French. zod's
 * French locale, with the cases a URL or a JSON body meets worded for a user: a parameter given
 * twice, a number that is not one, an unknown option.
 */
import { z } from 'zod';
import { fr } from 'zod/locales';

const french = fr().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte', number: 'un nombre', int: 'un entier', boolean: 'un booléen', array: 'une liste', object: 'un objet',
};

/** The French message of one zod issue (exported for the tests). */
export function frenchIssueMessage(issue: Parameters<typeof french>[0]): string {
  if (issue.code === 'invalid_type') {
    const input = issue.input as unknown;
    if (issue.expected === 'string' && Array.isArray(input)) return 'paramètre donné plusieurs fois : une seule valeur attendue';
    if (issue.expected === 'number' && typeof input === 'number' && Number.isNaN(input)) return 'nombre attendu';
    if (input === undefined) return 'valeur requise';
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return `valeur invalide : ${expected} attendu`;
  }
  const message = french(issue);
  return typeof message === 'string' ? message : message?.message ?? 'valeur invalide';
}

let installed = false;

export function installFrenchZod(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (issue) => frenchIssueMessage(issue as never) });
}

installFrenchZod();
