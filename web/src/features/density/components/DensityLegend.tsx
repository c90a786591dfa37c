import { DENSITY_CLASSES } from '../layers/density-layers';

export function DensityLegend({ millesime }: { millesime: number }) {
  return (
    <section className="maillage-legend" aria-labelledby="legende-densite">
      <h2 id="legende-densite" className="fr-text--md fr-mb-1w">Densité de population</h2>
      <p className="fr-text--xs fr-mb-1w">habitants par km²</p>
      <ul className="maillage-legend__list">
        {DENSITY_CLASSES.map((c) => (
          <li key={c.label}>
            <span className="maillage-legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
      </ul>
      <p className="fr-text--xs fr-mt-1w fr-mb-0">
        Source : INSEE, population municipale légale (COG {millesime}) ; surfaces calculées sur les contours IGN ADMIN EXPRESS.
      </p>
    </section>
  );
}
