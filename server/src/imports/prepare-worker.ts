/**
 * The import preparation worker thread (prepare-off-thread.ts): decodes, parses and checks a file
 * exactly as `prepareImport` does, off the request thread. Its database reads go to the request
 * thread (remote-reads.ts); what it prepares goes back as plain data: the rows as JSON text
 * (import-write.ts), the lists of problems in parts, so that the request thread never
 * deserialises one huge object graph at once.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ReadReply } from './remote-reads';
import { remoteDatabase } from './remote-reads';
import type { FromWorker, ToWorker } from './prepare-off-thread';
import { prepareImport } from './prepare-import';
import type { PreparedImport } from './prepared-import';

// Below the request thread's priority (on Linux, a thread's own nice value): on a busy machine the
// preparation waits rather than the requests.
try {
  setPriority(10);
} catch {
  /* not permitted here: the preparation runs at the same priority */
}

const port = parentPort!;
const PART = 5000;
const pending = new Map<string, (reply: ReadReply) => void>();
let nextRead = 1;

const post = (m: FromWorker) => port.postMessage(m);

/** The rows are JSON text already (encodeRows): one message; the lists of problems go in parts. */
function sendPrepared(id: number, prepared: PreparedImport) {
  const { rejects, warnings } = prepared;
  for (const [field, items] of [['rejects', rejects], ['warnings', warnings]] as const) {
    for (let i = 0; i < items.length; i += PART) post({ type: 'part', id, field, items: items.slice(i, i + PART) });
  }
  post({ type: 'done', id, prepared: { ...prepared, rejects: [], warnings: [] } });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'read') {
    pending.get(m.key)?.(m.reply);
    pending.delete(m.key);
    return;
  }
  const db = remoteDatabase(m.dbPath, (req) => new Promise((resolve) => {
    const key = `${m.id}:${nextRead++}`;
    pending.set(key, resolve);
    post({ type: 'read', id: m.id, key, req });
  }));
  prepareImport(m.kind, db, m.bytes, m.ctx, m.options).then(
    (prepared) => sendPrepared(m.id, prepared),
    (err: Error) => post({ type: 'error', id: m.id, name: err.name, message: err.message }),
  );
});
