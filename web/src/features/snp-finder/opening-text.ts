/**
 * Opening states in words: « ouvert maintenant, jusqu’à 24:00 », « fermé, ouvre demain à 08:00 »,
 * from the server's answer (instants and wall-clock times in the offer's own time zone).
 */
export type Opening =
  | { etat: 'ouvert'; jusqua: string | null; jusquaLocal: string | null; horaires: string }
  | { etat: 'fermé'; ouvreA: string | null; ouvreALocal: string | null }
  | { etat: 'inconnu'; raison: string };

const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDay(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/** « à 20:00 », « demain à 08:00 », « lundi à 20:00 », « le 02/12 à 08:00 » relative to `now`. */
export function whenText(local: string, now: string, timeZone: string): string {
  const [day, time] = local.split('T') as [string, string];
  const today = localDay(now, timeZone);
  const days = Math.round((Date.parse(`${day}T00:00Z`) - Date.parse(`${today}T00:00Z`)) / 86_400_000);
  const hhmm = time.slice(0, 5) === '24:00' ? 'minuit' : time.slice(0, 5);
  const at = hhmm === 'minuit' ? 'à minuit' : `à ${hhmm}`;
  if (days <= 0) return at;
  if (days === 1) return time.slice(0, 5) === '00:00' ? 'à minuit' : `demain ${at}`;
  if (days < 7) return `${DAYS[new Date(`${day}T12:00Z`).getUTCDay()]} ${at}`;
  const [, m, d] = day.split('-');
  return `le ${d}/${m} ${at}`;
}

export interface OpeningText {
  /** Short state for a badge: « ouvert maintenant », « fermé », « horaires inconnus ». */
  badge: string;
  severity: 'success' | 'warning' | 'info';
  /** The sentence after the badge: « jusqu’à 24:00 », « ouvre demain à 08:00 ». */
  detail: string;
}

export function openingText(o: Opening, now: string, timeZone: string): OpeningText {
  if (o.etat === 'ouvert') {
    const w = o.jusquaLocal ? whenText(o.jusquaLocal, now, timeZone) : null;
    const until = w ? (w.startsWith('à ') ? `jusqu’${w}` : `jusqu’à ${w}`) : o.horaires === 'supposés 24 h/24' ? '24 h/24 (service d’urgence)' : '';
    return { badge: 'ouvert maintenant', severity: 'success', detail: until };
  }
  if (o.etat === 'fermé') return { badge: 'fermé', severity: 'warning', detail: o.ouvreALocal ? `ouvre ${whenText(o.ouvreALocal, now, timeZone)}` : 'pas d’ouverture dans les 8 jours' };
  return { badge: 'horaires inconnus', severity: 'info', detail: `${o.raison} : appelez avant de vous déplacer` };
}

/** Minutes before closing under which the card warns that the offer closes soon. */
export const CLOSING_SOON_MINUTES = 60;

/**
 * What a visitor must know besides the state: an offer that closes within the hour, and a service
 * d'urgence that is not open around the clock (rare, so worth saying, with the 15 for the rest of
 * the day). Null when there is nothing to add.
 */
export function openingWarning(o: Opening, kind: string, now: string, timeZone: string): string | null {
  const parts: string[] = [];
  if (o.etat === 'ouvert' && o.jusqua) {
    const minutes = Math.round((Date.parse(o.jusqua) - Date.parse(now)) / 60_000);
    if (minutes >= 0 && minutes <= CLOSING_SOON_MINUTES) parts.push(`Ferme bientôt : dans ${minutes} min.`);
  }
  if (kind === 'SU' && (o.etat === 'fermé' || (o.etat === 'ouvert' && o.horaires === 'renseignés'))) {
    const closes = o.etat === 'ouvert' && o.jusquaLocal ? ` : il ferme ${whenText(o.jusquaLocal, now, timeZone)}` : '';
    parts.push(`Ce service d’urgence n’est pas ouvert 24 h/24${closes}, ce qui est rare pour des urgences. En dehors de ses heures, appelez le 15.`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
