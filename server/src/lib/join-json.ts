/**
 * Joins JSON objects already serialised into one, in order — the text `JSON.stringify` would give
 * for `{ ...a, ...b }` when their keys differ. Lets the heavy part of an answer be serialised
 * where it was computed (an analysis worker) and the small head (territory, parameters, data
 * version) here, without parsing either.
 */
export function joinJsonObjects(...texts: string[]): string {
  const inner: string[] = [];
  for (const text of texts) {
    if (!text.startsWith('{') || !text.endsWith('}')) throw new TypeError('joinJsonObjects : objet JSON attendu');
    const body = text.slice(1, -1);
    if (body.trim() !== '') inner.push(body);
  }
  return `{${inner.join(',')}}`;
}
