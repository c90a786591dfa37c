/**
 * GET /api/sas?region= — the Service d'accès aux soins of every département: status (opérationnel,
 * en préparation, pilote, aucun), start date and filières when a source gives them; a département
 * without any row is « non renseigné » (never « aucun »: absence of data is not absence of SAS).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { listSasByDepartement } from '../db/sas-queries';
import { regionExists } from '../db/territory-queries';
import { SAS_STATUSES } from '../db/care-schema';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';
import { regionCode } from './params';

const NOT_INFORMED = 'non renseigné';

export const sasRoutes = new Hono<AppEnv>().get('/sas', validate('query', z.object({ region: regionCode.optional() })), async (c) => {
  const { region } = c.req.valid('query');
  const db = c.get('db');
  if (region && !(await regionExists(db, region))) throw notFound(`Région ${region} inconnue.`);
  const rows = await listSasByDepartement(db, { region, demo: c.get('scope').demo });
  const departements = rows.map((d) => ({
    code: d.code, nom: d.nom, region: { code: d.region, nom: d.regionNom }, population: d.population,
    statut: d.sas?.status ?? NOT_INFORMED,
    renseigne: d.sas !== null,
    dateDebut: d.sas?.startDate ?? null, precisionDate: d.sas?.startDateNote ?? null, telephone: d.sas?.telephone ?? null,
    filieres: d.filieres.map((f) => ({ filiere: f.filiere, depuis: f.since, source: f.source, demonstration: f.demo })),
    note: d.sas?.note ?? null, source: d.sas?.source ?? null, demonstration: d.sas?.demo ?? false, importId: d.sas?.importId ?? null,
  }));
  const parStatut = Object.fromEntries([...SAS_STATUSES, NOT_INFORMED].map((s) => [s, departements.filter((d) => d.statut === s).length]));
  return c.json({
    departements,
    parStatut,
    donneesDemonstration: departements.some((d) => d.demonstration || d.filieres.some((f) => f.demonstration)),
    contexte: 'Au 1er octobre 2024, 89 SAS étaient opérationnels (DGOS) ; aucune liste par département n\'est publiée. '
      + 'Un statut « pilote » vient de la liste des sites pilotes annoncée le 23 novembre 2020 : le SAS a pu ouvrir depuis. '
      + '« non renseigné » : aucune source chargée pour ce département.',
  });
});
