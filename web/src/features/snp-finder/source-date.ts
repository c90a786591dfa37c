/** A source date as the application stores it (AAAA-MM-JJ, AAAA-MM or AAAA) in French words. */
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function formatSourceDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return `données de ${y}`;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `mise à jour du ${Number(d)} ${month} ${y}` : `mise à jour ${/^[aeiou]/.test(month) ? 'd’' : 'de '}${month} ${y}`;
}
