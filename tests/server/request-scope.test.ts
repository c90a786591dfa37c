import { describe, expect, it } from 'vitest';
import { readScope } from '../../server/src/scope/request-scope';

const config = { demo: true, editorToken: 'secret-de-test' };

describe('request scope', () => {
  it('is anonymous, today, with the demo setting, when nothing is asked', () => {
    const s = readScope({}, config, '2026-12-01');
    expect(s).toEqual({ actor: { kind: 'anonyme' }, demo: true, date: '2026-12-01', dateGiven: false });
  });
  it('takes the date asked and says it was asked', () => {
    const s = readScope({ date: '2024-05-01' }, { ...config, demo: false }, '2026-12-01');
    expect(s.date).toBe('2024-05-01');
    expect(s.dateGiven).toBe(true);
    expect(s.demo).toBe(false);
  });
  it('refuses an impossible date in French', () => {
    expect(() => readScope({ date: '2024-02-30' }, config)).toThrow(/AAAA-MM-JJ/);
  });
  it('recognises the editor token only when it is the configured one', () => {
    expect(readScope({ authorization: 'Bearer secret-de-test' }, config).actor.kind).toBe('jeton');
    expect(readScope({ authorization: 'Bearer autre' }, config).actor.kind).toBe('anonyme');
    expect(readScope({ authorization: 'Bearer secret-de-test' }, { ...config, editorToken: null }).actor.kind).toBe('anonyme');
  });
});
