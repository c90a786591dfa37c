/**
 * Opening hours in OpenStreetMap `opening_hours` syntax: validation (imports) and state at a
 * moment in the structure's own time zone (Europe/Paris, Indian/Reunion…).
 *
 * The `opening_hours` package reads a Date's *local* fields. We hand it a "wall-clock" Date whose
 * local fields are the time in the target zone, and convert its answers back to instants. The
 * process must run in UTC (set in main.ts and the test config) so that wall-clock Dates never fall
 * in a local daylight-saving gap.
 */
import OpeningHours from 'opening_hours';

export interface OpeningHoursCheck {
  ok: boolean;
  /** French message when the value cannot be read. */
  message: string | null;
  warnings: string[];
}

export interface OpeningState {
  /** 'ouvert' | 'fermé' | 'inconnu' (no hours, or hours that say "unknown" at that moment). */
  state: 'ouvert' | 'fermé' | 'inconnu';
  /** Next change as an ISO instant, null when none within 8 days or hours unknown. */
  nextChange: string | null;
  /** Wall-clock time of the next change in the zone, e.g. "2026-11-23T20:00". */
  nextChangeLocal: string | null;
  comment: string | null;
}

const NOMINATIM = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };

function parse(value: string): OpeningHours {
  return new OpeningHours(value, NOMINATIM as never, { mode: 0, tag_key: 'opening_hours', locale: 'fr' } as never);
}

export function checkOpeningHours(value: string): OpeningHoursCheck {
  try {
    const oh = parse(value);
    return { ok: true, message: null, warnings: oh.getWarnings() };
  } catch (err) {
    const detail = String((err as Error).message ?? err).split('\n')[0];
    return { ok: false, message: `horaires illisibles (syntaxe OpenStreetMap opening_hours attendue, ex. « Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00 ») : ${detail}`, warnings: [] };
  }
}

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClockIn(instant: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const toLocalDate = (w: WallClock) => new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
const fromLocalDate = (d: Date): WallClock => ({
  year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(),
});
const wallMs = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
const pad = (n: number) => String(n).padStart(2, '0');
const formatWall = (w: WallClock) => `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;

/** The instant at which the zone's wall clock shows `w` (exact except inside a DST gap). */
function instantOf(w: WallClock, timeZone: string): Date {
  let guess = wallMs(w);
  for (let i = 0; i < 2; i++) guess += wallMs(w) - wallMs(wallClockIn(new Date(guess), timeZone));
  return new Date(guess);
}

export function openingStateAt(value: string | null, at: Date, timeZone: string): OpeningState {
  if (!value) return { state: 'inconnu', nextChange: null, nextChangeLocal: null, comment: null };
  const oh = parse(value);
  const local = toLocalDate(wallClockIn(at, timeZone));
  const unknown = oh.getUnknown(local);
  const open = oh.getState(local);
  const next = oh.getNextChange(local, new Date(local.getTime() + 8 * 86_400_000));
  const nextWall = next ? fromLocalDate(next) : null;
  return {
    state: unknown ? 'inconnu' : open ? 'ouvert' : 'fermé',
    nextChange: nextWall ? instantOf(nextWall, timeZone).toISOString() : null,
    nextChangeLocal: nextWall ? formatWall(nextWall) : null,
    comment: oh.getComment(local) ?? null,
  };
}

/** The instant at which the zone's wall clock shows `hour`:`minute` on the local day of `at`. */
export function localTimeOnDayOf(at: Date, timeZone: string, hour: number, minute = 0): Date {
  const w = wallClockIn(at, timeZone);
  return instantOf({ ...w, hour, minute, second: 0 }, timeZone);
}

/**
 * Whether the hours are open at some moment of [from, to): true, false, or null when the hours
 * are empty or say « unknown » for the whole time they are not closed.
 */
export function openDuring(value: string | null, from: Date, to: Date, timeZone: string): boolean | null {
  if (!value) return null;
  const oh = parse(value);
  const intervals = oh.getOpenIntervals(toLocalDate(wallClockIn(from, timeZone)), toLocalDate(wallClockIn(to, timeZone)));
  if (intervals.some(([, , unknown]) => !unknown)) return true;
  return intervals.length > 0 ? null : false;
}
