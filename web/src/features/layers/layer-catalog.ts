/**
 * The thematic layers of the explore page, in drawing order (bottom first), and their form in
 * the address: `couches=cpts,structures` (absent: the defaults; `aucune`: none).
 */
export const LAYER_IDS = ['densite', 'officiel', 'indice', 'acces', 'sas', 'zones-blanches', 'cpts', 'structures'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const LAYER_LABELS: Record<LayerId, string> = {
  densite: 'Densité de population',
  officiel: 'Indicateurs officiels par département (CPTS, SAS)',
  indice: 'Accessibilité aux soins non programmés (indice 2SFCA)',
  acces: 'Distance à l’offre de soins non programmés',
  sas: 'Service d’accès aux soins (SAS) par département',
  'zones-blanches': 'Zones blanches et chevauchements de CPTS',
  cpts: 'Territoires des CPTS',
  structures: 'MSP, centres de santé, MMG et urgences',
};

/** Panel order: what a delegate looks at first. */
export const PANEL_ORDER: LayerId[] = ['cpts', 'zones-blanches', 'structures', 'officiel', 'sas', 'acces', 'indice', 'densite'];

export const DEFAULT_LAYERS: LayerId[] = ['cpts', 'zones-blanches', 'structures'];

const isLayerId = (s: string): s is LayerId => (LAYER_IDS as readonly string[]).includes(s);

export function parseLayers(param: string | null): Set<LayerId> {
  if (param === null) return new Set(DEFAULT_LAYERS);
  return new Set(param.split(',').filter(isLayerId));
}

/** The URL value: null when it equals the defaults. */
export function formatLayers(layers: Set<LayerId>): string | null {
  const ordered = PANEL_ORDER.filter((id) => layers.has(id));
  if (ordered.length === DEFAULT_LAYERS.length && DEFAULT_LAYERS.every((id) => layers.has(id))) return null;
  return ordered.length === 0 ? 'aucune' : ordered.join(',');
}

export function toggleLayer(layers: Set<LayerId>, id: LayerId, on: boolean): Set<LayerId> {
  const next = new Set(layers);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
