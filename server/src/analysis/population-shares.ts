/**
 * The population of a commune divided between the N CPTS that share it, in integer shares that add up
 * to it exactly (never multiplied): each gets ⌊P / N⌋, and the first P mod N (in the order of the
 * commune's CPTS list) one more. A commune in one CPTS gives it its whole population.
 */
export function shareOf(population: number, n: number, index: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`population « ${population} » : entier positif attendu`);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(index) || index < 0 || index >= n) {
    throw new RangeError(`part ${index} sur ${n} : 0 ≤ rang < nombre de CPTS attendu`);
  }
  return Math.floor(population / n) + (index < population % n ? 1 : 0);
}
