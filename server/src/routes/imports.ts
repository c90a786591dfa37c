/**
 * POST /api/imports/:kind — imports a file (multipart field `fichier`, or the raw body with
 * `?nom=<file name>`), an ARS delegate of every département it touches or the territory-scoped token required, size limited (413); `?garder_valides=1` keeps the
 * valid rows when some are rejected; `?rapport=csv` imports nothing and downloads every problem
 * of the file (the JSON answer lists the first 100). Same code path as `npm run import`. The raw file is archived
 * next to the database (`imports/`) and journaled, so a rebuild replays it.
 * POST /api/imports/liste-complete?liste_complete=06,13,83&liste=cpts[&complete_au=][&source=] — a « liste
 * complète » declared on its own, journaled and audited like an import (declare-complete.ts).
 * GET /api/imports — the journal of applied imports (and declarations), newest first.
 */
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { listImports } from '../db/import-queries';
import { IMPORT_KINDS, KIND_INFO, type ImportKind } from '../imports/import-kinds';
import { acceptedStatus, outcomeBody } from '../imports/import-response';
import { parseDeclaration } from '../imports/completeness-declaration';
import { rejectReport } from '../imports/reject-report';
import { runImport } from '../imports/run-import';
import { exportHeaders, parisDay } from '../lib/attachment';
import { ApiError, badRequest, errorBody } from '../lib/api-error';
import { requireEditor } from '../lib/editor-auth';
import { validate } from '../lib/validate';
import { importedDepartements } from '../db/import-territory-queries';
import { policy } from '../policy/policy';
import { recordImport } from '../services/record-import';
import { recordDeclaration } from '../services/record-declaration';
import { declareComplete } from '../imports/declare-complete';
import { DECLARATION_KIND } from '../imports/import-kinds';
import { cptsStates } from '../db/cpts-state-queries';
import { actorLabel } from '../services/actor-label';
import { regionsOf } from './policy-refs';

/** What an anonymous reader sees of an import's author: not the OS account of a CLI import. */
export const publicAuthor = (by: string) => by.replace(/^ligne de commande \(.*\)$/, 'ligne de commande');

export const DEFAULT_IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} Mo` : `${Math.ceil(bytes / 1024)} Ko`);

const kindParam = z.object({
  kind: z.enum(IMPORT_KINDS, { message: `type d'import inconnu (types : ${IMPORT_KINDS.join(', ')})` }),
});
const importQuery = z.object({
  garder_valides: z.enum(['0', '1', 'true', 'false', 'oui', 'non']).optional(),
  nom: z.string().trim().min(1).max(255).optional(),
  /** `csv`: check the file and download every problem found, import nothing. */
  rapport: z.enum(['csv'], { error: 'rapport attendu : csv (la liste complète des problèmes, sans rien importer)' }).optional(),
  /** « Liste complète au <date> »: départements (44,49), list (cpts | mmg | snp, default by kind), day (default today). */
  liste_complete: z.string().trim().min(1).max(2000).optional(),
  liste: z.string().trim().optional(),
  complete_au: z.string().trim().optional(),
});

/** `POST /imports/liste-complete`: a declaration on its own (no file). */
const declarationQuery = z.object({
  liste_complete: z.string({ error: 'liste_complete attendu : les départements déclarés complets (ex. 06,13,83)' }).trim().min(1).max(2000),
  liste: z.string({ error: 'liste attendue : cpts, mmg ou snp (la liste déclarée complète)' }).trim().min(1),
  complete_au: z.string().trim().optional(),
  /** What the declaration rests on, in the user's words (« liste ARS PACA au 31/01/2026 »). */
  source: z.string().trim().max(255).optional(),
});

export const importRoutes = new Hono<AppEnv>()
  // Registered before `/imports/:kind`, which would read « liste-complete » as an unknown kind.
  .post('/imports/liste-complete', requireEditor, validate('query', declarationQuery), async (c) => {
    const q = c.req.valid('query');
    const parsed = parseDeclaration(DECLARATION_KIND, { departements: q.liste_complete, list: q.liste, date: q.complete_au }, parisDay());
    if (!parsed.ok) throw badRequest(`Liste complète : ${parsed.message}`, [{ path: 'liste_complete', message: parsed.message }]);
    const declaration = parsed.value!;
    const { actor } = c.get('scope');
    const importedBy = actor.kind === 'utilisateur' ? `${actor.id} (API)` : 'éditeur (API, jeton)';
    const db = c.get('db');
    const importer = c.get('importer');
    let outcome;
    if (importer) {
      if (actor.kind !== 'jeton') throw new ApiError(403, 'interdit', 'Sur une instance à versions de données, les déclarations se font avec le jeton d’éditeur (ou « npm run import »).');
      outcome = await importer({ kind: DECLARATION_KIND, bytes: new Uint8Array(0), declaration, source: q.source ?? null, importedBy });
    } else {
      const regionOf = await regionsOf(c);
      outcome = await declareComplete(db, {
        declaration, source: q.source ?? null, declaredBy: importedBy, archiveDir: join(dirname(db.path), 'imports'),
        authorize: async (tx, id) => policy.importInto(actor, await importedDepartements(tx, id), regionOf),
      });
    }
    await recordDeclaration(c.get('state'), actorLabel(actor), outcome);
    return c.json(outcomeBody(outcome), acceptedStatus(outcome));
  })
  .post('/imports/:kind', requireEditor, async (c, next) => {
    const maxSize = c.get('config').importMaxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
    return bodyLimit({
      maxSize,
      onError: (cc) => cc.json(errorBody('trop_volumineux', `Fichier trop volumineux : ${sizeLabel(maxSize)} au plus (MAILLAGE_IMPORT_MAX_MO).`), 413),
    })(c, next);
  }, validate('param', kindParam), validate('query', importQuery), async (c) => {
    const kind = c.req.valid('param').kind as ImportKind;
    const q = c.req.valid('query');
    const declaration = parseDeclaration(kind, { departements: q.liste_complete, list: q.liste, date: q.complete_au }, parisDay());
    if (!declaration.ok) throw badRequest(`Liste complète : ${declaration.message}`, [{ path: 'liste_complete', message: declaration.message }]);
    let bytes: Uint8Array;
    let fileName = q.nom ?? `${kind}.${KIND_INFO[kind].extension}`;
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      const form = await c.req.parseBody().catch(() => {
        throw badRequest('Formulaire multipart illisible : envoyez le fichier dans le champ « fichier » (ou le fichier brut, sans type multipart).');
      });
      const file = form.fichier ?? form.file;
      if (!(file instanceof File)) throw badRequest('Formulaire sans fichier : envoyez le fichier dans le champ « fichier ».');
      bytes = new Uint8Array(await file.arrayBuffer());
      fileName = q.nom ?? (file.name || fileName);
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer());
    }
    const db = c.get('db');
    if (q.rapport === 'csv') {
      // Every problem was written to a file as found: sent as a stream, removed once sent.
      const report = await rejectReport(db, kind, bytes, fileName);
      const file = createReadStream(report.path);
      file.once('close', report.dispose);
      return c.body(Readable.toWeb(file) as ReadableStream, 200, exportHeaders(`rapport-import-${kind}-${parisDay()}.csv`, 'csv'));
    }
    const { actor } = c.get('scope');
    const before = kind === 'cpts' || kind === 'cpts-perimetres' ? await cptsStates(db) : undefined;
    const job = {
      kind, bytes, fileName, keepValid: ['1', 'true', 'oui'].includes(q.garder_valides ?? '0'),
      importedBy: actor.kind === 'utilisateur' ? `${actor.id} (API)` : 'éditeur (API, jeton)', completeness: declaration.value,
    };
    const importer = c.get('importer');
    let outcome;
    if (importer) {
      // Data versions (MAILLAGE_VERSIONS=1): a child process writes the next version. The per-territory
      // policy runs inside this process's transaction only, so there only the editor token imports for now.
      if (actor.kind !== 'jeton') throw new ApiError(403, 'interdit', 'Sur une instance à versions de données, les imports se font avec le jeton d’éditeur (ou « npm run import »).');
      outcome = await importer(job);
    } else {
      const regionOf = await regionsOf(c);
      outcome = await runImport(db, {
        ...job, archiveDir: join(dirname(db.path), 'imports'),
        authorize: async (tx, id) => policy.importInto(actor, await importedDepartements(tx, id), regionOf),
      });
    }
    // After a versioned import, what it wrote is read from the version now current; its versions and audit line go to the state store.
    await recordImport(importer ? c.get('current')() : db, c.get('state'), actorLabel(actor), outcome, before);
    await recordDeclaration(c.get('state'), actorLabel(actor), outcome);
    const status = acceptedStatus(outcome);
    return c.json(outcomeBody(outcome), status);
  })
  .get('/imports', async (c) => {
    const rows = await listImports(c.get('db'));
    const anonymous = c.get('scope').actor.kind === 'anonyme';
    return c.json({
      imports: rows.map(({ report, ...r }) => ({
        ...r, importedBy: anonymous ? publicAuthor(r.importedBy) : r.importedBy, rapport: report ? (JSON.parse(report) as unknown) : null,
      })),
      total: rows.length,
    });
  });
