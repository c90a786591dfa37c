/** A broken data invariant: the build stops and prints every listed problem (first 20). */
export class InvariantError extends Error {
  constructor(
    readonly rule: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, 20).map((p) => `  - ${p}`).join('\n');
    const more = problems.length > 20 ? `\n  … et ${problems.length - 20} autre(s)` : '';
    super(`Invariant non respecté — ${rule} (${problems.length}) :\n${shown}${more}`);
    this.name = 'InvariantError';
  }
}

export function assertNoProblems(rule: string, problems: string[]): void {
  if (problems.length > 0) throw new InvariantError(rule, problems);
}
