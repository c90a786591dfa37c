/**
 * Opening hours given by a file, validated with the `opening_hours` package and stored in its
 * normalised form (« Mo-Fr 20h-24h » → « Mo-Fr 20:00-24:00 »); what the package had to correct
 * is reported as a warning, what it cannot read is refused with its French message.
 */
import OpeningHours from 'opening_hours';
import { checkOpeningHours } from '../lib/opening-hours';
import type { Parsed } from './field-values';

const NOMINATIM = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };

export function normalizeOpeningHours(value: string): Parsed<{ value: string; corrected: boolean }> {
  const check = checkOpeningHours(value);
  if (!check.ok) return { ok: false, message: check.message! };
  const pretty = new OpeningHours(value, NOMINATIM as never, { mode: 0, tag_key: 'opening_hours', locale: 'fr' } as never).prettifyValue();
  return { ok: true, value: { value: pretty, corrected: pretty !== value } };
}
