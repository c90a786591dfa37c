/**
 * Reader of the DREES SAE « bases statistiques » (CSV flavour: `;`, ISO-8859-1, header row) for
 * emergency sites: `URGENCES2` (one row per FINESS géographique site and type of emergency
 * service, GEN or PED, with `PASSU` the visits of the year) joined to `ID` (identity: commune
 * code of the COG of the collection year `COMINSEE`, address, FINESS category). One site per
 * FINESS number; its types and visits summed over its rows.
 *
 * The tables may come as separate texts (the build) or as one text where they follow each other
 * (the import: `cat URGENCES2_2021r.csv ID_2021r.csv`): every SAE row starts with its base name
 * (`BOR` column), so each header line opens a section.
 */
import { splitRecords } from './delimited-text';

/** The id of the emergency site of a FINESS géographique number, in imports and in the default. */
export const suIdOf = (finess: string) => `su:${finess}`;

/** What the SAE says of a site, as its note reads: « urgences générales et pédiatriques (SAE 2021) ; 35 014 passages en 2021 ». */
export function saeSiteNote(s: Pick<SaeSite, 'types' | 'visits' | 'year' | 'name'>, { withName = false } = {}): string {
  const types = s.types.map((t) => (t === 'GEN' ? 'générales' : 'pédiatriques')).join(' et ');
  const visits = s.visits === null ? '' : ` ; ${s.visits.toLocaleString('fr-FR')} passages en ${s.year}`;
  return `urgences ${types} (SAE ${s.year}${withName ? ` : ${s.name}` : ''})${visits}`;
}

export interface SaeSite {
  finess: string;
  name: string;
  /** Commune code of the COG of the collection year (translate to the millésime). */
  commune: string;
  communeName: string;
  departement: string;
  address: string | null;
  types: ('GEN' | 'PED')[];
  /** Visits of the year over its emergency services (PASSU), null when none is given. */
  visits: number | null;
  year: number;
  finessCategory: string | null;
  finessEj: string | null;
  /** First line of the site in the URGENCES2 table. */
  line: number;
}

export interface SaeReading {
  sites: SaeSite[];
  /** URGENCES2 rows read. */
  rowsRead: number;
  problems: { line: number; ref?: string; message: string }[];
}

type Table = { header: string[]; rows: { line: number; fields: string[] }[] };

/** Sections of the text, keyed by the upper-cased base name of their rows (`URGENCES2`, `ID`…). */
export function saeSections(text: string): Map<string, Table> {
  const { records } = splitRecords(text.replace(/^\uFEFF/, ''), ';');
  const sections = new Map<string, Table>();
  let current: Table | null = null;
  for (const r of records) {
    const first = (r.fields[0] ?? '').trim();
    if (first.toUpperCase() === 'BOR') {
      current = { header: r.fields.map((f) => f.trim().toUpperCase()), rows: [] };
      continue;
    }
    if (!current) continue;
    if (!sections.has(first.toUpperCase())) sections.set(first.toUpperCase(), current);
    current.rows.push(r);
  }
  return sections;
}

const column = (t: Table, name: string) => {
  const i = t.header.indexOf(name);
  if (i < 0) throw new Error(`colonne ${name} absente de la table SAE (${t.header.slice(0, 6).join(';')}…)`);
  return i;
};

export function readSaeUrgences(text: string): SaeReading {
  const sections = saeSections(text);
  const urg = sections.get('URGENCES2');
  const id = sections.get('ID');
  if (!urg) throw new Error('table URGENCES2 absente : joignez la base URGENCES2 de la SAE (en-tête « BOR;AN;FI;… »).');
  if (!id) throw new Error('table ID absente : joignez la base ID de la SAE à la suite de URGENCES2 (communes des sites).');
  const u = { fi: column(urg, 'FI'), rs: column(urg, 'RS'), urg: column(urg, 'URG'), passu: column(urg, 'PASSU'), an: column(urg, 'AN') };
  const d = {
    fi: column(id, 'FI'), com: column(id, 'COMINSEE'), nom: column(id, 'NOMCOM'), dep: column(id, 'DEP'), num: column(id, 'NUMVOI'), typ: column(id, 'TYPVOI'),
    voie: column(id, 'NOMVOI'), cp: column(id, 'CPO'), lib: column(id, 'LIBCOM'), cat: column(id, 'CAT'), ej: column(id, 'FI_EJ'),
  };
  const identity = new Map(id.rows.map((r) => [r.fields[d.fi]!.trim(), r.fields.map((f) => f.trim())]));
  const sites = new Map<string, SaeSite>();
  const problems: SaeReading['problems'] = [];
  for (const r of urg.rows) {
    const f = r.fields.map((x) => x.trim());
    const finess = f[u.fi]!;
    if (!/^(\d{2}|2[AB])\d{7}$/.test(finess)) { problems.push({ line: r.line, ref: finess, message: `numéro FINESS « ${finess} » illisible (9 caractères attendus)` }); continue; }
    const type = f[u.urg];
    if (type !== 'GEN' && type !== 'PED') { problems.push({ line: r.line, ref: finess, message: `type d'urgences « ${type} » inconnu (GEN ou PED)` }); continue; }
    const visits = f[u.passu] === '' ? null : Number(f[u.passu]);
    if (visits !== null && !Number.isInteger(visits)) { problems.push({ line: r.line, ref: finess, message: `passages « ${f[u.passu]} » illisibles` }); continue; }
    const known = sites.get(finess);
    if (known) {
      if (known.types.includes(type)) { problems.push({ line: r.line, ref: finess, message: `site ${finess} en double pour le type ${type}` }); continue; }
      known.types.push(type);
      if (visits !== null) known.visits = (known.visits ?? 0) + visits;
      continue;
    }
    const who = identity.get(finess);
    if (!who) { problems.push({ line: r.line, ref: finess, message: `site ${finess} absent de la table ID (commune inconnue)` }); continue; }
    const street = [who[d.num], who[d.typ], who[d.voie]].filter(Boolean).join(' ');
    sites.set(finess, {
      finess, name: f[u.rs]!, commune: who[d.com]!, communeName: who[d.nom]!, departement: who[d.dep]!,
      address: street ? `${street}, ${who[d.cp]} ${who[d.lib]}`.trim() : null, types: [type], visits, year: Number(f[u.an]),
      finessCategory: who[d.cat] || null, finessEj: who[d.ej] || null, line: r.line,
    });
  }
  return { sites: [...sites.values()], rowsRead: urg.rows.length, problems };
}

/** FINESS géographique → [lon, lat] from the GISCO hospital file (`id` without its leading zero). */
export function giscoPositions(text: string): Map<string, [number, number]> {
  const { records } = splitRecords(text.replace(/^\uFEFF/, ''), ',');
  const [head, ...rows] = records;
  if (!head) return new Map();
  const i = { id: head.fields.indexOf('id'), lat: head.fields.indexOf('lat'), lon: head.fields.indexOf('lon') };
  if (i.id < 0 || i.lat < 0 || i.lon < 0) throw new Error('fichier GISCO sans colonnes id, lat, lon');
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    const lon = Number(r.fields[i.lon]);
    const lat = Number(r.fields[i.lat]);
    if (!r.fields[i.lon] || !r.fields[i.lat] || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    out.set(r.fields[i.id]!.trim().padStart(9, '0'), [lon, lat]);
  }
  return out;
}
