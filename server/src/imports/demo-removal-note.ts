/** The note an import adds when real CPTS replace demonstration ones. */
import type { LineIssue } from '../ingest/line-issue';

export function demoRemovalNotes(removed: string[], departements: string[]): LineIssue[] {
  if (removed.length === 0) return [];
  return [{
    line: 0,
    message: `${removed.length} CPTS de démonstration retirée(s) (département(s) ${departements.join(', ')}) : les CPTS importées les remplacent (${removed.join(', ')})`,
  }];
}
