/**
 * Opening hours written the French way in sources and spreadsheets (« lun-ven 20h-24h »,
 * « 12h-24h », « 8h-12h, 14h-20h ») → OpenStreetMap `opening_hours` syntax, in three slots:
 * weekdays (Mo-Fr unless the text names days), Saturday, Sunday and public holidays (Su,PH).
 * Example: semaine « lun-ven 20h-24h », samedi « 12h-24h », dimanche et fériés « 8h-24h » →
 * `Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00`.
 */
import type { Parsed } from './field-values';

const DAYS: Record<string, string> = { lun: 'Mo', mar: 'Tu', mer: 'We', jeu: 'Th', ven: 'Fr', sam: 'Sa', dim: 'Su' };

function time(raw: string): string | null {
  const m = /^(\d{1,2})\s*h\s*(\d{2})?$/i.exec(raw.trim()) ?? /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

function ranges(raw: string): string | null {
  const out: string[] = [];
  for (const part of raw.split(/\s*(?:,|et|\/)\s*/)) {
    const [a, b, ...rest] = part.split(/\s*[-–à]\s*/);
    const from = a ? time(a) : null;
    const to = b ? time(b) : null;
    if (!from || !to || rest.length > 0) return null;
    out.push(`${from}-${to}`);
  }
  return out.length > 0 ? out.join(',') : null;
}

function slot(raw: string, defaultDays: string): Parsed<string | null> {
  const v = raw.trim().toLowerCase();
  if (v === '') return { ok: true, value: null };
  if (/^(ferm[ée]e?|non)$/.test(v)) return { ok: true, value: `${defaultDays} off` };
  const days = /^(lun|mar|mer|jeu|ven|sam|dim)\.?(?:\s*[-–à]\s*(lun|mar|mer|jeu|ven|sam|dim)\.?)?\s+(.*)$/.exec(v);
  const dayText = days ? (days[2] ? `${DAYS[days[1]!]}-${DAYS[days[2]]}` : DAYS[days[1]!]!) : defaultDays;
  const hours = ranges(days ? days[3]! : v);
  if (!hours) return { ok: false, message: `horaires « ${raw} » illisibles (ex. « lun-ven 20h-24h », « 8h-12h, 14h-20h »)` };
  return { ok: true, value: `${dayText} ${hours}` };
}

export interface FrenchHours {
  semaine: string;
  samedi: string;
  dimancheFeries: string;
}

/** The three slots as one `opening_hours` value; null when all three are empty. */
export function frenchHoursToOpeningHours(h: FrenchHours): Parsed<string | null> {
  const rules: string[] = [];
  for (const [raw, days] of [[h.semaine, 'Mo-Fr'], [h.samedi, 'Sa'], [h.dimancheFeries, 'Su,PH']] as const) {
    const r = slot(raw, days);
    if (!r.ok) return r;
    if (r.value) rules.push(r.value);
  }
  return { ok: true, value: rules.length > 0 ? rules.join('; ') : null };
}
