/**
 * What the structures legend says of each list (server/src/analysis/offer-completeness.ts): which
 * are complete, since when, in how many départements — and, by default, that they are not. One
 * line per list; several scopes (a CPTS across départements) are read together.
 */
import type { StructureListsCompleteness } from './api/list-structures';
import { frenchDay } from '../../app/as-of-date';

type List = StructureListsCompleteness['listes'][number];

export interface ListLine {
  liste: List['liste'];
  text: string;
  complete: boolean;
}

const LABELS: Record<List['liste'], string> = {
  'msp-cds': 'MSP et centres de santé',
  mmg: 'Maisons médicales de garde',
  snp: 'Offres de soins non programmés (toutes)',
  cpts: 'CPTS',
};

function dates(list: List[]): string {
  const all = [...new Set(list.flatMap((l) => l.departementsComplets.map((d) => d.date)))].sort();
  return all.length === 1 ? `au ${frenchDay(all[0]!)}` : `du ${frenchDay(all[0]!)} au ${frenchDay(all.at(-1)!)}`;
}

export function listsCompletenessLines(answers: StructureListsCompleteness[]): ListLine[] {
  const kinds = [...new Set(answers.flatMap((a) => a.listes.map((l) => l.liste)))];
  return kinds.map((liste) => {
    const lists = answers.flatMap((a) => a.listes.filter((l) => l.liste === liste));
    const done = lists.reduce((n, l) => n + l.departementsComplets.length, 0);
    const total = done + lists.reduce((n, l) => n + l.departementsNonDeclares.length, 0);
    const origin = [...new Set(lists.flatMap((l) => l.departementsComplets.map((d) => d.source)))];
    const from = origin.length === 1 && /finess/i.test(origin[0]!) ? ' (FINESS)' : '';
    const label = LABELS[liste] ?? liste;
    if (done === 0) return { liste, complete: false, text: `${label} : liste non déclarée complète — d’autres peuvent exister` };
    if (done === total) return { liste, complete: true, text: `${label} : liste complète ${dates(lists)}${from}` };
    return { liste, complete: false, text: `${label} : liste complète ${dates(lists)}${from} dans ${done} département${done > 1 ? 's' : ''} sur ${total}, non déclarée complète ailleurs` };
  });
}
