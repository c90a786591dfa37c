import type { Database } from './connection';

export interface TileRange { minzoom: number; maxzoom: number; bounds: [number, number, number, number] }

/** `communes`: the full set (communes, labels, départements, régions); `limites`: départements and régions alone. */
export type TileSet = 'communes' | 'limites';
const TILE_TABLES: Record<TileSet, string> = { communes: 'tiles', limites: 'boundary_tiles' };

export async function getTile(db: Database, z: number, x: number, y: number, set: TileSet = 'communes'): Promise<Buffer | null> {
  const [row] = await db.all<{ data: string }>(`SELECT to_base64(data) AS data FROM ${TILE_TABLES[set]} WHERE z = $z AND x = $x AND y = $y`, { z, x, y });
  return row ? Buffer.from(row.data, 'base64') : null;
}

export async function tileRange(db: Database): Promise<TileRange> {
  const [row] = await db.all<TileRange>(
    `SELECT (SELECT min(z) FROM tiles) AS minzoom, (SELECT max(z) FROM tiles) AS maxzoom,
            [min(min_lon), min(min_lat), max(max_lon), max(max_lat)]::DOUBLE[] AS bounds FROM communes`,
  );
  return row!;
}

/** The version of the tile set: the checksum of its tiles written by the build (tiles change only with a new build). */
export async function tileSetVersion(db: Database): Promise<string> {
  const rows = await db.all<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key IN ('tiles_sha256', 'topology_sha256')");
  const value = rows.find((r) => r.key === 'tiles_sha256')?.value ?? rows.find((r) => r.key === 'topology_sha256')?.value ?? 'inconnue';
  return value.slice(0, 12);
}
