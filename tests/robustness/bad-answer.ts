/**
 * What both property suites (bad-input-properties, bad-input-sessions) send and check: hostile
 * strings, and the answer every bad request must get — below 500, and when refused, JSON in the
 * documented error shape `{ error: { code, message, issues: [{ path, message }] } }`, in French.
 */
import { expect } from 'vitest';
import { ENGLISH } from './english';

/** Strings a hostile or careless client sends; none is English, so an English answer is ours. */
export const HOSTILE = [
  '', ' ', 'NaN', 'Infinity', '-Infinity', '-1', '0', '1e309', '-0', '9'.repeat(400), '0x1F', '1,5', '١٢٣',
  "'; DROP TABLE communes; --", '" OR 1=1 --', '$name', '$1', '?', '%', '%00', '\u0000', '\u202e', '../../etc/passwd',
  '<script>alert(1)</script>', '{}', '[]', 'null', 'undefined', 'true', '2A', '2a004', '2C004', '97', '00000',
  'departement:', 'region:99', 'epci:', 'france:', 'FRANCE', 'departement:44;region:52', 'é'.repeat(3000),
  '2026-02-30', '2026-13-01', '0000-00-00', '2026-11-23T25:00:00Z', '2026-11-23T21:00:00', '10,20,30', '1,2,3,4',
  '-200,-100,200,100', '0,0,0,0', 'a,b,c,d', '1;2;3', '🏥', '\ud800', 'x'.repeat(10_000),
];
/** Checks one answer; `label` names the request in a failure. */
export async function checkAnswer(label: string, res: Response): Promise<void> {
  const body = await res.text();
  expect(res.status, `${label} → ${res.status} ${body.slice(0, 300)}`).toBeLessThan(500);
  if (res.status < 400) return;
  expect(res.headers.get('content-type'), `${label} : réponse d'erreur en JSON`).toMatch(/^application\/json/);
  const parsed = JSON.parse(body) as { error: { code: unknown; message: unknown; issues: { path: unknown; message: unknown }[] } };
  expect(Object.keys(parsed), label).toEqual(['error']);
  expect(Object.keys(parsed.error).sort(), label).toEqual(['code', 'issues', 'message']);
  expect(typeof parsed.error.code === 'string' && typeof parsed.error.message === 'string', label).toBe(true);
  expect(Array.isArray(parsed.error.issues), label).toBe(true);
  for (const issue of parsed.error.issues) {
    expect(Object.keys(issue).sort(), label).toEqual(['message', 'path']);
    expect(typeof issue.path === 'string' && typeof issue.message === 'string', label).toBe(true);
  }
  for (const message of [parsed.error.message as string, ...parsed.error.issues.map((i) => i.message as string)]) {
    expect(message, `${label} : message en anglais`).not.toMatch(ENGLISH);
  }
}

