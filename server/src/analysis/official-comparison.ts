/**
 * The figure computed from imported lists beside the official one, never merged: « calculé :
 * 92,4 % d'après 31 CPTS importées ; officiel : 92 % au 1er mai 2024 », with the gap in points.
 * The computed side is absent when no département of the territory has a complete list.
 */
import { frenchDay } from './french-day';
import type { OfficialIndicator } from './official-series';

export interface OfficialComparison {
  indicateur: string;
  /** Computed share in % (0–100), null when not computable (no complete list). */
  calcule: number | null;
  /** « d'après 31 CPTS importées » */
  base: string;
  officiel: { valeur: number; date: string; source: string } | null;
  /** Computed − official, in percentage points (one decimal), when both exist. */
  ecartPoints: number | null;
  phrase: string;
}

const pct = (v: number) => `${v.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

/**
 * `notKnown`: why nothing is computed when the data is simply not there (« aucun SAS connu dans ce
 * territoire »): the computed side then reads « non renseigné », and no gap is ever computed against it.
 */
export function officialComparison(official: OfficialIndicator | null, computedShare: number | null, base: string, indicator: string, notKnown?: string): OfficialComparison {
  const calcule = computedShare === null ? null : Math.round(computedShare * 1000) / 10;
  const o = official?.derniere ? { valeur: official.derniere.valeur, date: official.derniere.date, source: official.source } : null;
  const ecart = calcule !== null && o ? Math.round((calcule - o.valeur) * 10) / 10 : null;
  const left = calcule === null
    ? (notKnown ? `calculé : non renseigné (${notKnown})` : `calculé : non calculable (${base})`)
    : `calculé : ${pct(calcule)} ${base}`;
  const right = o ? `officiel : ${pct(o.valeur)} au ${frenchDay(o.date)}` : 'officiel : non publié pour ce territoire';
  const gap = ecart === null ? '' : ` (écart ${ecart > 0 ? '+' : ''}${ecart.toLocaleString('fr-FR')} point${Math.abs(ecart) >= 2 ? 's' : ''})`;
  return { indicateur: indicator, calcule, base, officiel: o, ecartPoints: ecart, phrase: `${left} ; ${right}${gap}` };
}
