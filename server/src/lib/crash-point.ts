/**
 * Fault injection for the crash tests (tests/robustness/import-crash.test.ts): when
 * MAILLAGE_CRASH_AT names this point, the process kills itself with SIGKILL right there — the
 * same as `kill -9` arriving at that instant, no handler, no flush. Never set in production.
 */
export type CrashPoint =
  | 'journal-ecrit' | 'commit' // imports
  | 'decision-ecrite' | 'decision-validee' // a proposal's decision: written in its transaction / committed
  | 'role-ecrit' | 'role-valide'; // a role change: written in its transaction / committed

export function crashPoint(point: CrashPoint): void {
  if (process.env.MAILLAGE_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
