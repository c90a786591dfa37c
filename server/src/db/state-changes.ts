/**
 * Changes of the state store reach every process at once: each write that others must see
 * announces itself in its transaction (`pg_notify`, delivered at commit, never for a rollback),
 * and every process follows the channel (`stateChanges`): the state version it must serve (CPTS
 * versions), and callbacks by kind of change (roles, proposals, versions, a new data version).
 * A poll every few seconds catches up if a notification was lost (connection dropped).
 */
import { STATE_CHANNEL, stateVersion, type StateSql, type StateStore } from './state-store';

export type ChangeKind = 'roles' | 'propositions' | 'versions' | 'donnees';

export interface Change {
  kind: ChangeKind;
  /** The state version after the change (CPTS versions). */
  stateVersion?: number;
  /** The data version published (imports). */
  dataVersion?: string;
}

/** Inside the write's transaction: the change is announced when (and only if) it commits. */
export async function announce(tx: StateSql, change: Change): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [STATE_CHANNEL, JSON.stringify(change)]);
}

export interface StateChanges {
  /** The latest state version known to this process. */
  version(): number;
  /** After this process's own commit: the version it wrote, without waiting for the notification. */
  advance(version: number): void;
  /** Calls `fn` on every change of `kind` (also when changes may have been missed). */
  on(kind: ChangeKind, fn: (change: Change) => void): () => void;
  close(): Promise<void>;
}

const POLL_MS = 2000;
const followers = new WeakMap<StateStore, Promise<StateChanges>>();

/** The follower of `store`'s changes, one per store in this process. */
export function stateChanges(store: StateStore): Promise<StateChanges> {
  let f = followers.get(store);
  if (!f) {
    f = follow(store);
    followers.set(store, f);
    f.catch(() => followers.delete(store));
  }
  return f;
}

async function follow(store: StateStore): Promise<StateChanges> {
  let current = await stateVersion(store);
  const fns = new Map<ChangeKind, Set<(c: Change) => void>>();
  const emit = (c: Change) => {
    for (const fn of fns.get(c.kind) ?? []) {
      try {
        fn(c);
      } catch (err) {
        console.error(`Suivi du registre : ${(err as Error).message}`);
      }
    }
  };
  const catchUp = async () => {
    const v = await stateVersion(store);
    if (v > current) {
      current = v;
      emit({ kind: 'versions', stateVersion: v });
    }
  };
  const stop = await store.listen(STATE_CHANNEL, (payload) => {
    if (payload === '*') {
      for (const kind of ['roles', 'propositions', 'donnees'] as const) emit({ kind });
      void catchUp().catch(() => {});
      return;
    }
    let c: Change;
    try {
      c = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    if (c.stateVersion !== undefined && c.stateVersion > current) current = c.stateVersion;
    emit(c);
  });
  let closed = false;
  const poll = setInterval(() => {
    if (!closed) void catchUp().catch(() => {});
  }, POLL_MS);
  poll.unref();
  return {
    version: () => current,
    advance: (v) => {
      if (v > current) current = v;
    },
    on: (kind, fn) => {
      const set = fns.get(kind) ?? new Set();
      set.add(fn);
      fns.set(kind, set);
      return () => set.delete(fn);
    },
    close: async () => {
      closed = true;
      clearInterval(poll);
      followers.delete(store);
      await stop();
    },
  };
}
