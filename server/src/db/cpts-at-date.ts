/**
 * The CPTS and their perimeters as they were at a day (« au <date> »): SQL fragments that every
 * query reading `cpts` or `cpts_communes` uses in their place, with the named parameter `$date`.
 *
 * The database holds the perimeter given by the inputs and imports (version 0); the state store
 * (`etat.cpts_versions`, written when the ARS validates a proposal or an import changes a CPTS)
 * holds later versions, each valid from its `valid_from` day until the next one (`0000-01-01`: the
 * data's perimeter saved before an import replaced it). At a day, a CPTS has the communes and
 * status of its version in force that day, or its version 0 when none is.
 */

/** Version of each CPTS in force at `$date`: the latest `valid_from` on or before it, the last written on a tie. */
const CURRENT_VERSIONS = `(
  SELECT v.* FROM etat.cpts_versions v
  WHERE v.valid_from <= $date
  QUALIFY row_number() OVER (PARTITION BY v.cpts_id ORDER BY v.valid_from DESC, v.version DESC) = 1
)`;

/** Replaces `cpts`: same columns, status and status date of the version valid at `$date`. */
export const CPTS_AT = `(
  SELECT p.* REPLACE (coalesce(cv.status, p.status) AS status,
                      CASE WHEN cv.cpts_id IS NULL THEN p.status_date ELSE cv.status_date END AS status_date)
  FROM cpts p LEFT JOIN ${CURRENT_VERSIONS} cv ON cv.cpts_id = p.id
)`;

/** Replaces `cpts_communes`: same columns, the communes of the version valid at `$date`. */
export const CPTS_COMMUNES_AT = `(
  SELECT m.cpts_id, m.commune, m.coverage, m.note, m.source, m.demo, m.import_id
  FROM cpts_communes m ANTI JOIN ${CURRENT_VERSIONS} cv ON cv.cpts_id = m.cpts_id
  UNION ALL
  SELECT vc.cpts_id, vc.commune, vc.coverage, NULL AS note, 'proposition validée (' || cv.proposal_id || ')' AS source, p.demo, NULL AS import_id
  FROM etat.cpts_version_communes vc
  JOIN ${CURRENT_VERSIONS} cv ON cv.cpts_id = vc.cpts_id AND cv.version = vc.version
  JOIN cpts p ON p.id = vc.cpts_id
)`;
