/**
 * « Ouvert maintenant » and « ouvert ce soir » for the SNP finder's filter: one rule, here.
 *
 * - maintenant: open at the instant (an SU without hours counts as open: the rule of offer-opening.ts);
 * - ce-soir: open at some moment between 19:00 and midnight of the offer's local day (from the
 *   instant on when it is later than 19:00). Hours that are unknown or unreadable never count as open:
 *   the filter shows what is known to be open, the unfiltered list still shows the others.
 */
import { localTimeOnDayOf, openDuring } from '../lib/opening-hours';
import { offerOpeningAt } from './offer-opening';

export const OPEN_FILTERS = ['maintenant', 'ce-soir'] as const;
export type OpenFilter = (typeof OPEN_FILTERS)[number];

/** Start of « ce soir » in local time (19:00). */
export const EVENING_START_HOUR = 19;

export interface OpenFilterInput {
  kind: string;
  openingHours: string | null;
}

/** The evening window [max(at, 19:00), 24:00) of the local day of `at`. */
export function eveningWindow(at: Date, timeZone: string): { from: Date; to: Date } {
  const start = localTimeOnDayOf(at, timeZone, EVENING_START_HOUR);
  const midnight = new Date(localTimeOnDayOf(at, timeZone, 23, 59).getTime() + 60_000);
  return { from: at > start ? at : start, to: midnight };
}

export function passesOpenFilter(c: OpenFilterInput, filter: OpenFilter, at: Date, timeZone: string): boolean {
  // Without hours, the one opening rule decides (an SU is assumed open around the clock: offer-opening.ts).
  if (!c.openingHours) return offerOpeningAt(c, at, timeZone).state === 'ouvert';
  const { from, to } = filter === 'maintenant' ? { from: at, to: new Date(at.getTime() + 60_000) } : eveningWindow(at, timeZone);
  try {
    return openDuring(c.openingHours, from, to, timeZone) === true;
  } catch {
    return false;
  }
}
