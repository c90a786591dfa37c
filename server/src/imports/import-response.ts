/**
 * How an import's outcome is said to an API client: 201 when applied (or applied in part), 200
 * when the same file was already imported, 422 with every rejected line (path « ligne N ») when
 * nothing was imported, in the API's one error shape.
 */
import { ApiError } from '../lib/api-error';
import type { ImportOutcome } from './run-import';

export function outcomeBody(o: ImportOutcome) {
  return {
    statut: o.status,
    message: o.message,
    import: o.import,
    lignes: { lues: o.rowsRead, acceptees: o.rowsAccepted, rejetees: o.rowsRejected },
    resume: o.summary,
    rejets: o.rejects.map((r) => ({ ligne: r.line, ref: r.ref ?? null, message: r.message })),
    avertissements: o.warnings.map((r) => ({ ligne: r.line, ref: r.ref ?? null, message: r.message })),
    versionDonnees: o.dataVersion,
  };
}

/** Throws the 422 of a refused import; returns the status code of an accepted one. */
export function acceptedStatus(o: ImportOutcome): 200 | 201 {
  if (o.status === 'rejeté') {
    if (o.fileError) throw new ApiError(422, 'fichier_invalide', o.message);
    const issues = o.rejects.map((r) => ({ path: r.line > 0 ? `ligne ${r.line}` : 'fichier', message: r.message }));
    throw new ApiError(422, 'import_rejete', o.message, issues);
  }
  return o.status === 'déjà importé' ? 200 : 201;
}
