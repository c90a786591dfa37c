/** zod schemas of the path and query parameters shared by several routes (French messages). */
import { z } from 'zod';

export const communeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'un code commune INSEE a 5 caractères (ex. 44109, 2A004)');

export const departementCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{2}|2[AB]|97\d)$/, 'un code de département a 2 ou 3 caractères (ex. 44, 2A, 974)');

export const regionCode = z.string().trim().regex(/^\d{2}$/, 'un code de région a 2 chiffres (ex. 52)');

/** `minLon,minLat,maxLon,maxLat` in WGS84, at most 5° × 5°. */
export const bbox = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => Number(p.trim()));
    if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) {
      ctx.addIssue({ code: 'custom', message: 'emprise attendue : minLon,minLat,maxLon,maxLat (4 nombres)' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
    if (minLon >= maxLon || minLat >= maxLat || minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'emprise incohérente (min < max, longitudes ±180, latitudes ±90)' });
      return z.NEVER;
    }
    if (maxLon - minLon > 5 || maxLat - minLat > 5) {
      ctx.addIssue({ code: 'custom', message: 'emprise trop grande (5° × 5° au plus) : filtrez par département ou région' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
  });
