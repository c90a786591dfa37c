import type { Database } from './connection';

export interface TileRange { minzoom: number; maxzoom: number; bounds: [number, number, number, number] }

export async function getTile(db: Database, z: number, x: number, y: number): Promise<Buffer | null> {
  const [row] = await db.all<{ data: string }>('SELECT to_base64(data) AS data FROM tiles WHERE z = $z AND x = $x AND y = $y', { z, x, y });
  return row ? Buffer.from(row.data, 'base64') : null;
}

export async function tileRange(db: Database): Promise<TileRange> {
  const [row] = await db.all<TileRange>(
    `SELECT (SELECT min(z) FROM tiles) AS minzoom, (SELECT max(z) FROM tiles) AS maxzoom,
            [min(min_lon), min(min_lat), max(max_lon), max(max_lat)]::DOUBLE[] AS bounds FROM communes`,
  );
  return row!;
}
