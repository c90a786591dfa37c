/**
 * Dates that sources give at different precisions (« 2021 », « 2021-06 », « 2021-06-15 »): the
 * period they may denote, and whether something that started then had started on a given day.
 */
export interface DatePeriod {
  first: string;
  last: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The days a partial ISO date may denote; null when unreadable. */
export function periodOf(value: string | null): DatePeriod | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return isValidDay(value.trim()) ? { first: value.trim(), last: value.trim() } : null;
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(days)}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

export function isValidDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** 'oui' if surely started on `day`, 'non' if surely not, 'incertain' if `day` is inside the period. */
export function startedBy(period: DatePeriod, day: string): 'oui' | 'non' | 'incertain' {
  if (period.last <= day) return 'oui';
  if (period.first > day) return 'non';
  return 'incertain';
}
