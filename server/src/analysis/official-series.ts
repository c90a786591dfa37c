/**
 * The official reference indicators of one territory at a date: for each indicator, its dated
 * series, the latest value known at the date, the target and whether it is met. Pure: rows come
 * from the database (official_indicators, as the baromètre publishes them).
 *
 * - Latest value: the last row dated on or before the date that carries a value (targets rows,
 *   dated at the target's date, carry none).
 * - Target: the value of `target` on the row that carries one (2026-12-01 for all six today).
 * - Met: latest value ≥ target for an indicator whose trend is « hausse » (≤ for « baisse »).
 */
import { frenchDay } from './french-day';

export interface OfficialDef {
  id: string;
  label: string;
  unit: 'pourcentage' | 'nombre';
  description: string | null;
  chantier: string | null;
  trend: string | null;
  source: string;
  sourceFile: string;
}

export interface OfficialValue {
  indicator: string;
  territory: string;
  date: string;
  value: number | null;
  initialValue: number | null;
  target: number | null;
  progress: number | null;
}

export interface OfficialIndicator {
  id: string;
  libelle: string;
  unite: 'pourcentage' | 'nombre';
  territoire: string;
  source: string;
  fichier: string;
  serie: { date: string; valeur: number }[];
  /** Latest value on or before the date asked; null when none is published by then. */
  derniere: { date: string; valeur: number } | null;
  cible: { date: string; valeur: number } | null;
  /** Null when there is no value or no target. */
  cibleAtteinte: boolean | null;
  /** Published progress towards the target (%), on the latest row. */
  progression: number | null;
  /** « 86,1 % de la population couverte par une CPTS au 1er mai 2024 — baromètre de l'action publique ». */
  phrase: string | null;
}

const fr = (n: number, unit: OfficialDef['unit']) =>
  unit === 'pourcentage' ? `${n.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %` : n.toLocaleString('fr-FR', { maximumFractionDigits: 0 });

/** Formats a value as the panel shows it (« 86,1 % », « 2 501 »). */
export const formatOfficial = fr;

const PHRASES: Record<string, (v: string) => string> = {
  'IND-589': (v) => `${v} de la population couverte par une CPTS`,
  'IND-587': (v) => `${v} de la population couverte par un SAS`,
  'IND-311': (v) => `${v} maisons de santé pluriprofessionnelles`,
  'IND-318': (v) => `${v} centres de santé pluriprofessionnels`,
  'IND-312': (v) => `${v} des patients en ALD avec un médecin traitant`,
  'IND-679': (v) => `${v} assistants médicaux recrutés`,
};

export function officialIndicator(def: OfficialDef, rows: OfficialValue[], territory: string, date: string): OfficialIndicator {
  const mine = rows.filter((r) => r.indicator === def.id && r.territory === territory).sort((a, b) => (a.date < b.date ? -1 : 1));
  const serie = mine.filter((r) => r.value !== null).map((r) => ({ date: r.date, valeur: r.value! }));
  const lastRow = [...mine].reverse().find((r) => r.value !== null && r.date <= date) ?? null;
  const targetRow = mine.find((r) => r.target !== null) ?? null;
  const derniere = lastRow ? { date: lastRow.date, valeur: lastRow.value! } : null;
  const cible = targetRow ? { date: targetRow.date, valeur: targetRow.target! } : null;
  const better = def.trend === 'baisse' ? (v: number, t: number) => v <= t : (v: number, t: number) => v >= t;
  const phrase = derniere
    ? `${(PHRASES[def.id] ?? ((v: string) => `${def.label} : ${v}`))(fr(derniere.valeur, def.unit))} au ${frenchDay(derniere.date)} — baromètre de l'action publique`
    : null;
  return {
    id: def.id, libelle: def.label, unite: def.unit, territoire: territory, source: def.source, fichier: def.sourceFile, serie, derniere, cible,
    cibleAtteinte: derniere && cible ? better(derniere.valeur, cible.valeur) : null, progression: lastRow?.progress ?? null, phrase,
  };
}

/** Latest value on or before `date` of each territory (the choropleth by département). */
export function latestByTerritory(rows: OfficialValue[], date: string): Map<string, { date: string; valeur: number }> {
  const out = new Map<string, { date: string; valeur: number }>();
  for (const r of rows) {
    if (r.value === null || r.date > date) continue;
    const known = out.get(r.territory);
    if (!known || known.date < r.date) out.set(r.territory, { date: r.date, valeur: r.value });
  }
  return out;
}
