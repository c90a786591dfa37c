/**
 * Readers of the two « site » CSV templates: maisons médicales de garde (with their PDSA hours
 * and host emergency department) and sites with an emergency department (SU). One row per site;
 * a site without coordinates is placed at its commune's point by the import.
 */
import { snpFlag, type SnpFlag } from './care-vocabulary';
import { communeCodeSyntax, finessSyntax, lonLat, partialDate, type Parsed } from './field-values';
import { frenchHoursToOpeningHours } from './french-hours';
import { normalizeOpeningHours } from './normalize-hours';
import type { LineIssue } from './line-issue';
import { readTemplate, type TemplateReading, type TemplateSpec } from './read-template';

const SITE_COLUMNS = [
  { name: 'nom', required: true },
  { name: 'finess_et', aliases: ['finess'] },
  { name: 'commune_insee', required: true, aliases: ['commune', 'code_commune'] },
  { name: 'adresse' },
  { name: 'longitude', aliases: ['lon'] },
  { name: 'latitude', aliases: ['lat'] },
  { name: 'horaires', aliases: ['opening_hours'] },
];
const TAIL = [{ name: 'note' }, { name: 'source', required: true }, { name: 'date_source', aliases: ['date_info'] }];

export const MMG_TEMPLATE: TemplateSpec = {
  label: 'le modèle « MMG »',
  columns: [
    ...SITE_COLUMNS,
    { name: 'horaires_semaine' }, { name: 'horaires_samedi' }, { name: 'horaires_dimanche_feries' },
    { name: 'adossee_urgences' }, { name: 'finess_su_hote' }, { name: 'accepte_snp' },
    ...TAIL,
  ],
};

export const SU_TEMPLATE: TemplateSpec = {
  label: 'le modèle « sites d\'urgences »',
  columns: [...SITE_COLUMNS, { name: 'statut', aliases: ['statut_note'] }, ...TAIL],
};

export interface SiteInput {
  line: number;
  name: string;
  finessEt: string | null;
  commune: string;
  address: string | null;
  position: [number, number] | null;
  openingHours: string | null;
  /** MMG: adossée to an emergency department? */
  adossee: SnpFlag;
  /** MMG: FINESS number of the host emergency site (imported with the « urgences » template). */
  hostFiness: string | null;
  acceptsSnp: SnpFlag;
  note: string | null;
  source: string;
  sourceDate: string | null;
}

export interface SitesReading extends Omit<TemplateReading, 'rows'> {
  sites: SiteInput[];
  rowsRead: number;
}

const orNull = (s: string | undefined) => (s ? s : null);

function hoursOf(v: Record<string, string>): Parsed<string | null> {
  let raw: string | null = v.horaires || null;
  if (!raw) {
    const converted = frenchHoursToOpeningHours({ semaine: v.horaires_semaine ?? '', samedi: v.horaires_samedi ?? '', dimancheFeries: v.horaires_dimanche_feries ?? '' });
    if (!converted.ok) return converted;
    raw = converted.value;
  }
  if (raw === null) return { ok: true, value: null };
  const normalized = normalizeOpeningHours(raw);
  return normalized.ok ? { ok: true, value: normalized.value.value } : normalized;
}

function readSites(bytes: Uint8Array, spec: TemplateSpec, kind: 'MMG' | 'SU'): SitesReading {
  const reading = readTemplate(bytes, spec);
  const rejects: LineIssue[] = [...reading.rejects];
  const warnings: LineIssue[] = [...reading.warnings];
  const sites: SiteInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of reading.rows) {
    const reject = (message: string) => rejects.push({ line, ref: v.finess_et || v.nom || undefined, message });
    if (!v.nom) { reject('nom vide'); continue; }
    if (!v.source) { reject('source vide : dites d\'où vient la ligne (URL, arrêté, fichier ARS…)'); continue; }
    const checks = {
      finess: v.finess_et ? finessSyntax(v.finess_et) : null,
      host: v.finess_su_hote ? finessSyntax(v.finess_su_hote) : null,
      commune: communeCodeSyntax(v.commune_insee!),
      position: lonLat(v.longitude!, v.latitude!),
      hours: hoursOf(v),
      adossee: snpFlag(v.adossee_urgences ?? '', 'inconnu'),
      snp: snpFlag(v.accepte_snp ?? '', 'oui'),
      date: v.date_source ? partialDate(v.date_source) : null,
    };
    const bad = Object.values(checks).find((p) => p && !p.ok);
    if (bad && !bad.ok) { reject(bad.message); continue; }
    const value = <T>(p: Parsed<T> | null): T | null => (p && p.ok ? p.value : null);
    const key = value(checks.finess) ?? `${value(checks.commune)} ${v.nom.toLowerCase()}`;
    if (seen.has(key)) { reject(`${kind === 'MMG' ? 'MMG' : 'site'} en double (déjà ligne ${seen.get(key)})`); continue; }
    seen.set(key, line);
    if (v.horaires && checks.hours.ok && checks.hours.value !== v.horaires) {
      warnings.push({ line, ref: v.nom, message: `horaires « ${v.horaires} » lus comme « ${checks.hours.value} »` });
    }
    sites.push({
      line, name: v.nom, finessEt: value(checks.finess), commune: value(checks.commune)!, address: orNull(v.adresse),
      position: value(checks.position), openingHours: value(checks.hours), adossee: value(checks.adossee)!,
      hostFiness: value(checks.host), acceptsSnp: value(checks.snp)!,
      note: [orNull(v.statut), orNull(v.note)].filter(Boolean).join(' ; ') || null,
      source: v.source, sourceDate: value(checks.date),
    });
  }
  return { ...reading, sites, rowsRead: reading.rows.length + reading.rejects.length, rejects, warnings };
}

export const readMmgCsv = (bytes: Uint8Array) => readSites(bytes, MMG_TEMPLATE, 'MMG');
export const readSuCsv = (bytes: Uint8Array) => readSites(bytes, SU_TEMPLATE, 'SU');
