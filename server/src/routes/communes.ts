import { Hono } from 'hono';
import { z } from 'zod';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AppEnv } from '../context';
import { communeByCode, communeGeometry, communesFeatureCollection, passageOf, type CommuneFilter, type CommuneProperties } from '../db/commune-queries';
import { departementExists, regionExists } from '../db/territory-queries';
import { getMeta } from '../db/meta-queries';
import { notFound } from '../lib/api-error';
import { jsonText } from '../lib/json-text';
import { validate } from '../lib/validate';
import { bbox, communeCode, departementCode, regionCode } from './params';

const listQuery = z
  .object({ departement: departementCode.optional(), region: regionCode.optional(), bbox: bbox.optional() })
  .refine((q) => [q.departement, q.region, q.bbox].filter((v) => v !== undefined).length === 1, {
    message: 'donnez exactement un filtre : departement, region ou bbox',
  });

export const communeRoutes = new Hono<AppEnv>()
  .get('/communes', validate('query', listQuery), async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    if (q.departement && !(await departementExists(db, q.departement))) throw notFound(`Département ${q.departement} inconnu.`);
    if (q.region && !(await regionExists(db, q.region))) throw notFound(`Région ${q.region} inconnue.`);
    const filter: CommuneFilter = q.departement ? { departement: q.departement } : q.region ? { region: q.region } : { bbox: q.bbox! };
    const { text } = await communesFeatureCollection(db, filter);
    return jsonText<FeatureCollection<Polygon | MultiPolygon | null, CommuneProperties>>(c, text);
  })
  .get('/communes/:code', validate('param', z.object({ code: communeCode })), validate('query', z.object({ geometrie: z.enum(['0', '1']).optional() })), async (c) => {
    const { code } = c.req.valid('param');
    const db = c.get('db');
    let commune = await communeByCode(db, code);
    let remplace: { ancienCode: string; relation: string; ancienNom: string | null } | null = null;
    if (!commune) {
      const passage = await passageOf(db, code);
      if (passage) {
        commune = await communeByCode(db, passage.code);
        remplace = { ancienCode: passage.oldCode, relation: passage.relation, ancienNom: passage.oldNom };
      }
    }
    const meta = await getMeta(db);
    if (!commune) throw notFound(`Commune ${code} inconnue du Code officiel géographique ${meta.millesime}.`);
    const geometry = c.req.valid('query').geometrie === '1' ? await communeGeometry(db, commune.code) : null;
    const message = remplace
      ? `Le code ${remplace.ancienCode}${remplace.ancienNom ? ` (${remplace.ancienNom})` : ''} n'existe plus au COG ${meta.millesime} : il correspond à ${commune.nom} (${commune.code}).`
      : null;
    return c.json({
      commune,
      remplace,
      message,
      geometry: geometry ? (JSON.parse(geometry) as Polygon | MultiPolygon) : null,
      source: { population: meta.populationSource, geometrie: commune.geometrySource, millesime: meta.millesime },
    });
  });

