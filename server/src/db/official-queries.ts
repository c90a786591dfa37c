/** Reads of the official reference indicators (official-schema.ts). */
import { listValue } from '@duckdb/node-api';
import type { Database } from './connection';
import type { OfficialDef, OfficialValue } from '../analysis/official-series';

export function officialDefs(db: Database): Promise<OfficialDef[]> {
  return db.all<OfficialDef>(
    `SELECT indicator AS id, label, unit, description, chantier, trend, source, source_file AS sourceFile
     FROM official_indicator_defs ORDER BY indicator`,
  );
}

/** Every dated row of the given territories (`france`, `region:84`, `departement:31`). */
export function officialValues(db: Database, territories: string[], indicator: string | null = null): Promise<OfficialValue[]> {
  return db.all<OfficialValue>(
    `SELECT indicator, territory, date, value, initial_value AS initialValue, target, progress
     FROM official_indicators
     WHERE territory IN (SELECT unnest($t)) AND ($i IS NULL OR indicator = $i)
     ORDER BY indicator, territory, date`,
    { t: listValue(territories), i: indicator },
  );
}

/** Every dated row of one indicator for all départements (the choropleth). */
export function officialDepartementValues(db: Database, indicator: string): Promise<OfficialValue[]> {
  return db.all<OfficialValue>(
    `SELECT indicator, territory, date, value, initial_value AS initialValue, target, progress
     FROM official_indicators WHERE indicator = $i AND territory LIKE 'departement:%'
     ORDER BY territory, date`,
    { i: indicator },
  );
}
