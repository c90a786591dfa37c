/**
 * Communes of the COG with no polygon of their own in the geometry source, and the commune whose
 * polygon contains their territory. They were re-created (rétablies) by splitting a commune
 * nouvelle after the geometry's vintage. Source: geodata-src/communes-cog2026/PROVENANCE.md.
 * The build checks this table against the cached list and the geometry; it never guesses.
 */
export const ATTACHED_COMMUNE_PARENTS: Readonly<Record<string, string>> = {
  '15031': '15141', // Celles ⊂ Neussargues-Moissac
  '15035': '15141', // Chalinargues ⊂ Neussargues-Moissac
  '15047': '15141', // Chavagnac ⊂ Neussargues-Moissac
  '15171': '15141', // Sainte-Anastasie ⊂ Neussargues-Moissac
  '60694': '60054', // Les Hauts-Talican ⊂ Beaumont-les-Nonains
  '85165': '85084', // L'Oie ⊂ Essarts-en-Bocage
  '85212': '85084', // Sainte-Florence ⊂ Essarts-en-Bocage
};
