// Prints the one line CI reads ("N passed, N failed, N skipped") from Vitest's JSON report and
// exits non-zero on any failure or when the report is missing.
import { existsSync, readFileSync } from 'node:fs';

const [path, status = '0'] = process.argv.slice(2);
if (!path || !existsSync(path)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8'));
const passed = report.numPassedTests ?? 0;
let failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A suite that failed to load counts as a failure even when no test inside it ran.
const brokenSuites = (report.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
failed += brokenSuites;
if (failed === 0 && status !== '0') failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
