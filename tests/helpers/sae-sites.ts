/**
 * The emergency sites of the mirror's SAE 2021 files, read here with a plain split (not the
 * reader under test): FINESS number → département (SAE letters for overseas turned into codes)
 * and whether GISCO has coordinates for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { INPUT_CACHE, mirrorDir } from './paths';

const file = (folder: string, cached: string, name: string) => (mirrorDir() ? join(mirrorDir()!, folder, name) : join(INPUT_CACHE, cached, name));
const lines = (path: string, encoding: string) => iconv.decode(readFileSync(path), encoding).split(/\r?\n/).filter(Boolean).map((l) => l.split(';'));

export function saeSites(): { finess: string; departement: string; commune: string; withCoordinates: boolean }[] {
  const urg = lines(file('drees-sae-2021-urgences', 'sae-2021', 'URGENCES2_2021r.csv'), 'latin1');
  const id = lines(file('drees-sae-2021-urgences', 'sae-2021', 'ID_2021r.csv'), 'latin1');
  const head = id[0]!;
  const [fi, dep, com] = ['fi', 'dep', 'COMINSEE'].map((c) => head.indexOf(c));
  const identity = new Map(id.slice(1).map((r) => [r[fi!]!, r]));
  const gisco = new Set(readFileSync(file('eurostat-healthcare-fr-2020', 'gisco', 'FR.csv'), 'utf8').split('\n').slice(1)
    .map((l) => l.split(',')).filter((r) => r[3] && r[4]).map((r) => r[0]!.padStart(9, '0')));
  const overseas: Record<string, string> = { '9A': '971', '9B': '972', '9C': '973', '9D': '974', '9F': '976' };
  return [...new Set(urg.slice(1).map((r) => r[2]!))].map((finess) => {
    const r = identity.get(finess)!;
    return { finess, departement: overseas[r[dep!]!] ?? r[dep!]!, commune: r[com!]!.replace(/^9[A-F]/, '97'), withCoordinates: gisco.has(finess) };
  });
}
