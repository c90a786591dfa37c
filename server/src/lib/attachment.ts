/**
 * File names and headers of exports: `<analysis>_<territory>_<YYYY-MM-DD>.<ext>`, the date being
 * the day of the export in Europe/Paris (e.g. couverture-cpts_departement-44_2026-11-23.csv).
 */
import type { Context } from 'hono';

export type ExportFormat = 'csv' | 'geojson';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export function parisDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function exportFileName(analysis: string, territorySlug: string, format: ExportFormat, at: Date = new Date()): string {
  return `${analysis}_${territorySlug}_${parisDay(at)}.${format}`;
}

export function exportHeaders(fileName: string, format: ExportFormat): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${fileName}"`,
  };
}

/**
 * Answers an export file. Typed as a text response so that, for `hono/client`, the JSON branch
 * of the same endpoint keeps its type (a `json()` on this branch is `never`): read exports with
 * `blob()` or `text()`.
 */
export function sendExport(c: Context, text: string, fileName: string, format: ExportFormat) {
  return c.text(text, 200, exportHeaders(fileName, format));
}
