/**
 * The rate limits are shared by every process: two processes' stores on one PostgreSQL database
 * count the same hits (a client gets the limit once, not once per process), over the last 60
 * seconds, per key; a process on another database counts apart.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { sharedLimits } from '../../server/src/services/rate-limits';
import type { StateStore } from '../../server/src/db/state-store';
import { freshStateLocation, type StateLocation } from '../helpers/state-fixture';

const opened: StateStore[] = [];
const locations: StateLocation[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  for (const l of locations) await l.dispose();
});

describe('shared rate limits', () => {
  it('count the hits of every process sharing the store, over a sliding minute', async () => {
    const location = await freshStateLocation('postgres');
    locations.push(location);
    const [a, b] = [await location.open(), await location.open()];
    opened.push(a, b);
    let now = Date.parse('2026-12-07T10:00:59.500Z'); // half a second before a minute's edge
    const clock = () => now;
    const onA = sharedLimits(a, { signInPerMinute: 20, writesPerMinute: 3 }, clock);
    const onB = sharedLimits(b, { signInPerMinute: 20, writesPerMinute: 3 }, clock);
    expect(await onA.writes.hit('u:alice')).toBe(true);
    expect(await onB.writes.hit('u:alice')).toBe(true);
    now += 1000; // across the edge of the minute: still the same sliding minute
    expect(await onA.writes.hit('u:alice')).toBe(true);
    expect(await onB.writes.hit('u:alice')).toBe(false);
    expect(await onA.writes.hit('u:alice')).toBe(false);
    expect(await onB.writes.hit('u:bob')).toBe(true); // per key
    expect(await onB.signIn.hit('u:alice')).toBe(true); // per limit
    now += 60_000; // a minute later: none of those hits counts any more
    expect(await onB.writes.hit('u:alice')).toBe(true);

    const elsewhere = await freshStateLocation('postgres');
    locations.push(elsewhere);
    const c = await elsewhere.open();
    opened.push(c);
    expect(await sharedLimits(c, { signInPerMinute: 20, writesPerMinute: 3 }, clock).writes.hit('u:alice')).toBe(true);
  });
});
