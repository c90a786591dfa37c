/** A day as French text: `2024-05-01` → « 1er mai 2024 », `2024-09-15` → « 15 septembre 2024 ». */
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function frenchDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`jour « ${day} » illisible (AAAA-MM-JJ attendu)`);
  const d = Number(m[3]);
  return `${d === 1 ? '1er' : d} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
