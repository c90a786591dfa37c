/**
 * GET /api/protocols — protocoles de coopération (national or local), with their number of known
 * deployments. GET /api/protocols/:id/deployments — where one is deployed (structure or CPTS).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context';
import { listProtocols, protocolDeployments, protocolExists } from '../db/protocol-queries';
import { notFound } from '../lib/api-error';
import { validate } from '../lib/validate';

export const protocolRoutes = new Hono<AppEnv>()
  .get('/protocols', async (c) => {
    const rows = await listProtocols(c.get('db'), c.get('scope').demo);
    return c.json({
      protocoles: rows.map((p) => ({
        id: p.id, titre: p.title, delegants: p.delegants, delegues: p.delegues, cadre: p.scope, soinsNonProgrammes: p.concernsSnp,
        ouvertAuxCpts: p.openToCpts, autorisation: p.authorisedOn, revision: p.revisedOn, exercice: p.framework, note: p.note,
        source: p.source, demonstration: p.demo, deploiements: { total: p.deployments, dontDemonstration: p.demoDeployments },
      })),
      total: rows.length,
      donneesDemonstration: rows.some((p) => p.demo || p.demoDeployments > 0),
    });
  })
  .get('/protocols/:id/deployments', validate('param', z.object({ id: z.string().trim().min(1).max(100) })), async (c) => {
    const { id } = c.req.valid('param');
    const db = c.get('db');
    const demo = c.get('scope').demo;
    const protocol = await protocolExists(db, id, demo);
    if (!protocol) throw notFound(`Protocole « ${id} » inconnu.`);
    const rows = await protocolDeployments(db, id, demo);
    return c.json({
      protocole: { id: protocol.id, titre: protocol.title },
      deploiements: rows.map((d) => ({
        id: d.id, depuis: d.since, nombreDelegues: d.deleguesCount, source: d.source, demonstration: d.demo, importId: d.importId,
        structure: d.structure ? { id: d.structure.id, categorie: d.structure.kind, nom: d.structure.name, commune: { code: d.structure.commune, nom: d.structure.communeNom }, departement: d.structure.departement } : null,
        cpts: d.cpts ? { id: d.cpts.id, nom: d.cpts.name, statut: d.cpts.status } : null,
      })),
      total: rows.length,
      donneesDemonstration: rows.some((d) => d.demo),
      note: 'Aucune donnée ouverte ne dit où les protocoles sont déployés : seuls les déploiements importés (ou de démonstration) figurent ici.',
    });
  });
