/**
 * The day every figure and layer is true at (« au <date> »): the `date` parameter of the address
 * (AAAA-MM-JJ), shared by all pages, or null for today (the server then answers for today in
 * Paris). One control on the explore page sets it.
 */
import { useParam } from './url-state';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function useAsOfDate(): string | null {
  const [value] = useParam('date');
  return value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

/** Today in Paris, AAAA-MM-JJ (what the server takes when no date is given). */
export function todayInParis(now = new Date()): string {
  return new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** « 1er mai 2024 », « 30 novembre 2026 ». */
export function frenchDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const text = d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return text.replace(/^1 /, '1er ');
}
