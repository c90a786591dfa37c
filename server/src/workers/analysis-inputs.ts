/**
 * How an analysis worker gets its inputs: once per worker per data version, not with every task.
 * The request thread serialises the commune table and the care offer of a version once each
 * (v8's structured serialisation) into a SharedArrayBuffer; every task carries those buffers —
 * shared memory, not copied — with their ids, and a worker decodes a buffer the first time it
 * sees its id and keeps the result (the last few ids: versions change rarely). Nothing here
 * decides an answer: the ids name buffers of this process only.
 */
import { deserialize, serialize } from 'node:v8';
import { communeTable, type CommuneRef, type CommuneTable } from '../analysis/inputs';
import type { AnalysisTask, CareInputs } from './analysis-tasks';

export interface SharedPart {
  id: number;
  bytes: SharedArrayBuffer;
}

/** What a task carries to its worker. */
export interface AnalysisMessage {
  task: AnalysisTask;
  table: SharedPart;
  care: SharedPart;
  topologyPath: string;
}

let nextId = 1;

function share(value: unknown): SharedPart {
  const bytes = serialize(value);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return { id: nextId++, bytes: shared };
}

// Keyed by the cached objects themselves: a table per database, a care offer per version (analysis-cache.ts).
const tables = new WeakMap<CommuneTable, SharedPart>();
const cares = new WeakMap<CareInputs, SharedPart>();

export function sharedTable(table: CommuneTable): SharedPart {
  let part = tables.get(table);
  if (!part) tables.set(table, (part = share({ list: table.list, names: table.names, arrondissements: [...table.arrondissements.values()].flat() })));
  return part;
}

export function sharedCare(care: CareInputs): SharedPart {
  let part = cares.get(care);
  if (!part) cares.set(care, (part = share(care)));
  return part;
}

/** Worker side: the decoded value of a part, kept for its id (at most `keep` ids). */
export class DecodedParts<T> {
  private readonly values = new Map<number, T>();
  constructor(private readonly decode: (value: unknown) => T, private readonly keep = 3) {}

  get(part: SharedPart): T {
    let value = this.values.get(part.id);
    if (value === undefined) {
      value = this.decode(deserialize(new Uint8Array(part.bytes)));
      this.values.set(part.id, value);
      if (this.values.size > this.keep) this.values.delete(this.values.keys().next().value!);
    }
    return value;
  }

  get size() {
    return this.values.size;
  }
}

export const decodeTable = (value: unknown): CommuneTable => {
  // The arrondissements municipaux too (Paris, Lyon, Marseille): cities a CPTS list names by arrondissement.
  const { list, names, arrondissements } = value as Pick<CommuneTable, 'list' | 'names'> & { arrondissements: CommuneRef[] };
  return communeTable(list, names, arrondissements);
};
