/**
 * The units a CPTS list can name, as one relation for every query that joins CPTS communes: the
 * communes, and the arrondissements municipaux of Paris, Lyon and Marseille (sub-communal units with
 * their own population, in their commune's département and région, drawn with their commune's
 * polygon: `contained_in`). `arrondissement_of` is the commune an arrondissement divides, `city_nom` its name (NULL for a commune).
 */
export const COMMUNE_UNITS = `(
  SELECT code, nom, departement, region, epci, population, contained_in, NULL::VARCHAR AS arrondissement_of, NULL::VARCHAR AS city_nom FROM communes
  UNION ALL
  SELECT a.code, a.nom, c.departement, c.region, c.epci, a.population, a.commune AS contained_in, a.commune AS arrondissement_of, c.nom AS city_nom
  FROM arrondissements_municipaux a JOIN communes c ON c.code = a.commune
)`;
