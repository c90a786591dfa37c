/**
 * OpenStreetMap opening hours (« Mo-Fr 20:00-24:00; Sa 12:00-24:00; Su,PH 08:00-24:00 ») in
 * French words for display. Only names are translated; the rules stay as written.
 */
const WORDS: [RegExp, string][] = [
  [/\bMo\b/g, 'lun.'], [/\bTu\b/g, 'mar.'], [/\bWe\b/g, 'mer.'], [/\bTh\b/g, 'jeu.'], [/\bFr\b/g, 'ven.'], [/\bSa\b/g, 'sam.'], [/\bSu\b/g, 'dim.'],
  [/\bPH\b/g, 'jours fériés'], [/\boff\b/g, 'fermé'], [/\bunknown\b/g, 'inconnu'], [/24\/7/g, '24 h/24, 7 j/7'],
];

export function openingHoursInFrench(value: string): string[] {
  return value.split(';').map((rule) => {
    let text = rule.trim();
    for (const [re, fr] of WORDS) text = text.replace(re, fr);
    return text.replace(/(\S)-(\S)/g, '$1–$2').replace(/,(\S)/g, ', $1');
  }).filter(Boolean);
}
