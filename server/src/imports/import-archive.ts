/**
 * The archive of accepted imports, next to the database (`geodata/imports/`): each raw file kept
 * under its sha256 and kind, and `journal.ndjson`, one line per applied import, in order. The data
 * build replays the journal after loading the embedded default, so a rebuild loses no import.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompletenessDeclaration } from './completeness-declaration';
import type { ImportKind, JournalKind } from './import-kinds';

export interface JournalEntry {
  id: string;
  /** `liste-complete`: a declaration on its own, without file (`archive` empty). */
  kind: JournalKind;
  sha256: string;
  /** Name of the archived copy in the archive folder. */
  archive: string;
  fileName: string;
  keepValid: boolean;
  importedAt: string;
  importedBy: string;
  rowsAccepted: number;
  rowsRejected: number;
  /** « Liste complète au <date> » declared with the import (absent: none). */
  completeness?: CompletenessDeclaration;
}

export const JOURNAL = 'journal.ndjson';

/**
 * Writes the raw file as `<sha256>.<kind>.<ext>` (once: same bytes, same name), asynchronously: a
 * 30 MB file written in one synchronous call held the request thread for up to half a second.
 */
export async function archiveFile(dir: string, sha256: string, kind: ImportKind, extension: string, bytes: Uint8Array): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const name = `${sha256}.${kind}.${extension}`;
  const path = join(dir, name);
  if (!existsSync(path)) {
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }
  return name;
}

/** Appends an entry; returns a function that removes it again (the transaction failed after all). */
export function appendJournal(dir: string, entry: JournalEntry): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, JOURNAL);
  const before = existsSync(path) ? statSync(path).size : 0;
  appendFileSync(path, `${JSON.stringify(entry)}\n`);
  return () => truncateSync(path, before);
}

export function readJournal(dir: string): JournalEntry[] {
  const path = join(dir, JOURNAL);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as JournalEntry];
    } catch {
      throw new Error(`Journal des imports illisible : ${path}, ligne ${i + 1}`);
    }
  });
}

export function readArchived(dir: string, entry: JournalEntry): Uint8Array {
  const path = join(dir, entry.archive);
  if (!existsSync(path)) throw new Error(`Fichier archivé absent : ${path} (import ${entry.id} du ${entry.importedAt})`);
  return readFileSync(path);
}
