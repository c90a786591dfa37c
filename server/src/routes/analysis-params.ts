/** zod schemas of the analysis endpoints' parameters (French messages). */
import { z } from 'zod';
import { isValidDay } from '../analysis/partial-date';
import { DAY_MESSAGE } from '../scope/request-scope';
import { parseTerritory, TerritoryError, type Territory } from '../analysis/territory';

export const territoryParam = z
  .string({ error: 'territoire requis : france, region:<code>, departement:<code> ou epci:<siren>' })
  .transform((s, ctx): Territory => {
    try {
      return parseTerritory(s);
    } catch (err) {
      if (!(err instanceof TerritoryError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
      return z.NEVER;
    }
  });

export const formatParam = z.enum(['json', 'csv', 'geojson'], { error: 'format attendu : json, csv ou geojson' }).default('json');

export const dayParam = z.string().refine(isValidDay, { message: DAY_MESSAGE });

/** An instant with its offset (…Z or …+01:00), so that it means the same moment everywhere. */
export const instantParam = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'instant ISO 8601 avec son fuseau attendu (ex. 2026-11-23T21:00:00+01:00 ou 2026-11-23T20:00:00Z)',
  })
  .transform((s) => new Date(s));

export const kmParam = (what: string, max: number) =>
  z.coerce
    .number({ error: `${what} : nombre de kilomètres attendu` })
    .refine((v) => Number.isFinite(v) && v > 0 && v <= max, { message: `${what} : entre 0 et ${max} km` });

/** Decay bands as `10:1,15:0.667,20:0.333` (upper bound in km : weight). */
export const bandsParam = z.string().transform((s, ctx) => {
  const bands = s.split(',').map((part) => {
    const [km, w] = part.split(':').map((x) => Number(x?.trim().replace(',', '.')));
    return { maxKm: km!, weight: w! };
  });
  const ok = bands.length > 0 && bands.length <= 10 && bands.every((b, i) =>
    Number.isFinite(b.maxKm) && b.maxKm > 0 && b.maxKm <= 200 && Number.isFinite(b.weight) && b.weight >= 0 && b.weight <= 1 && (i === 0 || b.maxKm > bands[i - 1]!.maxKm));
  if (!ok) {
    ctx.addIssue({ code: 'custom', message: 'bandes attendues sous la forme km:poids séparées par des virgules, distances croissantes (≤ 200 km), poids entre 0 et 1 (ex. 10:1,15:0.667,20:0.333)' });
    return z.NEVER;
  }
  return bands;
});
