/**
 * The one date of the explore page (« au <date> », default today): every layer and figure that
 * depends on a date follows it — CPTS counted from their status date, SAS from their start, the
 * official indicators at their latest value by then. Kept in the address as `date=AAAA-MM-JJ`.
 */
import { patchParams } from '../../../app/url-state';
import { todayInParis, useAsOfDate } from '../../../app/as-of-date';

export function DateControl() {
  const date = useAsOfDate();
  const today = todayInParis();
  return (
    <div className="fr-input-group fr-mb-2w maillage-date">
      <label className="fr-label" htmlFor="date-carte">
        Situation au
        <span className="fr-hint-text">{date ? 'date choisie : toutes les couches et tous les chiffres la suivent' : 'aujourd’hui'}</span>
      </label>
      <input
        className="fr-input"
        type="date"
        id="date-carte"
        value={date ?? today}
        max="2100-12-31"
        onChange={(e) => patchParams({ date: e.target.value && e.target.value !== today ? e.target.value : null })}
      />
    </div>
  );
}
