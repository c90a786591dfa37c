/**
 * How an import's outcome is said to an API client: 201 when applied (or applied in part), 200
 * when the same file was already imported, 422 with the rejected lines (path « ligne N ») when
 * nothing was imported, in the API's one error shape. At most REJECTS_SHOWN rejects and warnings
 * are listed (a file of millions of bad lines answers a few kilobytes, not hundreds of Mo); the
 * full list is the CSV of `POST /api/imports/:kind?rapport=csv` (reject-report.ts).
 */
import { ApiError } from '../lib/api-error';
import type { ImportOutcome } from './run-import';

export const REJECTS_SHOWN = 100;

const FULL_REPORT = 'rapport complet : renvoyez le même fichier avec ?rapport=csv (rien n\'est importé)';

/** « (les 100 premiers sur 3 000 000 ; rapport complet : …) » when the list is cut, else ''. */
function cutNote(shown: number, total: number): string {
  return total > shown ? ` (les ${shown} premiers problèmes sur ${total} ; ${FULL_REPORT})` : '';
}

export function outcomeBody(o: ImportOutcome) {
  return {
    statut: o.status,
    message: o.message,
    import: o.import,
    lignes: { lues: o.rowsRead, acceptees: o.rowsAccepted, rejetees: o.rowsRejected },
    resume: o.summary,
    rejets: o.rejects.slice(0, REJECTS_SHOWN).map((r) => ({ ligne: r.line, ref: r.ref ?? null, message: r.message })),
    avertissements: o.warnings.slice(0, REJECTS_SHOWN).map((r) => ({ ligne: r.line, ref: r.ref ?? null, message: r.message })),
    /** Counts of the full lists, when `rejets` / `avertissements` show only their beginning. */
    listes: {
      rejets: o.rejectCount, avertissements: o.warningCount, affichees: Math.min(REJECTS_SHOWN, o.rejects.length),
      rapportComplet: o.rejectCount > Math.min(REJECTS_SHOWN, o.rejects.length) ? '?rapport=csv' : null,
    },
    versionDonnees: o.dataVersion,
  };
}

/** Throws the 422 of a refused import; returns the status code of an accepted one. */
export function acceptedStatus(o: ImportOutcome): 200 | 201 {
  if (o.status === 'rejeté') {
    if (o.fileError) throw new ApiError(422, 'fichier_invalide', o.message);
    const issues = o.rejects.slice(0, REJECTS_SHOWN).map((r) => ({ path: r.line > 0 ? `ligne ${r.line}` : 'fichier', message: r.message }));
    throw new ApiError(422, 'import_rejete', `${o.message}${cutNote(issues.length, o.rejectCount)}`, issues);
  }
  return o.status === 'déjà importé' ? 200 : 201;
}
