/**
 * Official reference indicators (baromètre des résultats de l'action publique, DITP): one row per
 * indicator, territory and date, as published. Built offline by the data build from the cached
 * official files; never written by an import. Territory codes follow the API: `france`,
 * `region:<code INSEE>`, `departement:<code>`.
 *
 * - `value`: the value at `date` (`indic_va`, or the initial value `indic_vi` of the baseline row);
 * - `target`: the target (`indic_vc`), carried by the rows dated at the target's date (2026-12-01);
 * - `progress`: the published rate of progress towards the target (`indic_ta`, %), latest row only.
 */
import { defineTable, type TableSpec } from './table-spec';

export const OFFICIAL_SPECS: TableSpec[] = [
  defineTable('official_indicators', {
    indicator: 'VARCHAR', // IND-589 …
    territory: 'VARCHAR',
    date: 'VARCHAR', // AAAA-MM-JJ
    value: 'DOUBLE',
    initial_value: 'DOUBLE',
    target: 'DOUBLE',
    progress: 'DOUBLE',
  }, { primaryKey: ['indicator', 'territory', 'date'] }),
  defineTable('official_indicator_defs', {
    indicator: 'VARCHAR',
    label: 'VARCHAR NOT NULL',
    unit: 'VARCHAR NOT NULL', // pourcentage | nombre
    description: 'VARCHAR',
    chantier: 'VARCHAR',
    trend: 'VARCHAR', // hausse | baisse: which way is better
    source: 'VARCHAR NOT NULL',
    source_file: 'VARCHAR NOT NULL',
  }, { primaryKey: ['indicator'] }),
];
