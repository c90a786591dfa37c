import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Reads a JSON file, gunzipping it first when its name ends in `.gz`. Throws a message naming the file. */
export function readJsonFile<T = unknown>(path: string): T {
  let text: string;
  try {
    const bytes = readFileSync(path);
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (err) {
    throw new Error(`Lecture impossible de ${path} : ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new Error(`${path} n'est pas un JSON valide : ${(err as Error).message}`);
  }
}
