/**
 * The problems of one file (rejected lines or warnings) in memory bounded whatever the file: the
 * first `keep` by line (ties in the order found: what a stable sort of every problem would give)
 * or, for `order: 'found'`, the first `keep` found; the count of all; the number of distinct lines
 * they concern (a bit per line); and, when given, a `sink` that receives every problem as found
 * (the full report, written to a file: reject-report.ts). A file of 3 million bad lines keeps a
 * thousand problems and a few hundred kilobytes of bits, not 3 million objects.
 */
import type { LineIssue } from './line-issue';

/** Problems kept in memory by default: the 100 an answer shows, and the 1 000 the journal records. */
export const ISSUES_KEPT = 1000;

export interface IssueListOptions {
  keep?: number;
  order?: 'line' | 'found';
  sink?: (issue: LineIssue) => void;
}

export class IssueList {
  /** Every problem pushed. */
  total = 0;
  private readonly kept: LineIssue[] = [];
  private bits = new Uint8Array(1024);
  private distinct = 0;
  private readonly keep: number;
  private readonly order: 'line' | 'found';
  private readonly sink?: (issue: LineIssue) => void;

  constructor({ keep = ISSUES_KEPT, order = 'line', sink }: IssueListOptions = {}) {
    if (!Number.isInteger(keep) || keep < 0) throw new RangeError(`keep : entier positif attendu (reçu ${keep})`);
    this.keep = keep;
    this.order = order;
    this.sink = sink;
  }

  push(issue: LineIssue): void {
    this.add(issue);
  }

  /** Every problem of `issues` (an array of millions too: no spread of arguments). */
  pushAll(issues: Iterable<LineIssue>): void {
    for (const issue of issues) this.add(issue);
  }

  /** The problems kept: the first `keep`, by line unless `order: 'found'`. */
  get items(): LineIssue[] {
    return this.kept;
  }

  /** Distinct lines with at least one problem (line 0, the file as a whole, counts as one). */
  get lines(): number {
    return this.distinct;
  }

  private add(issue: LineIssue) {
    this.total++;
    this.mark(Math.max(0, issue.line));
    this.sink?.(issue);
    const kept = this.kept;
    if (this.order === 'found') {
      if (kept.length < this.keep) kept.push(issue);
      return;
    }
    if (kept.length >= this.keep && (this.keep === 0 || issue.line >= kept[kept.length - 1]!.line)) return;
    // After the last kept problem of a line ≤ this one: a stable order.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.line <= issue.line) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, issue);
    if (kept.length > this.keep) kept.pop();
  }

  private mark(line: number) {
    const byte = line >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const bit = 1 << (line & 7);
    if ((this.bits[byte]! & bit) === 0) {
      this.bits[byte]! |= bit;
      this.distinct++;
    }
  }
}

/** A file's rejects and warnings, created together from the import's options. */
export interface FileIssues {
  rejects: IssueList;
  warnings: IssueList;
}

export function fileIssues(options: { keep?: number; sink?: (issue: LineIssue, kind: 'rejet' | 'avertissement') => void } = {}): FileIssues {
  const { keep, sink } = options;
  return {
    rejects: new IssueList({ keep, sink: sink && ((i) => sink(i, 'rejet')) }),
    warnings: new IssueList({ keep, order: 'found', sink: sink && ((i) => sink(i, 'avertissement')) }),
  };
}

/** What crosses to the thread that writes: the problems kept, and the counts of all. */
export interface IssueSummary {
  rejects: LineIssue[];
  warnings: LineIssue[];
  rejectCount: number;
  rejectedLines: number;
  warningCount: number;
}

export function summariseIssues({ rejects, warnings }: FileIssues): IssueSummary {
  return { rejects: rejects.items, warnings: warnings.items, rejectCount: rejects.total, rejectedLines: rejects.lines, warningCount: warnings.total };
}
