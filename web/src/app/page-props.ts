import type { StyleSpecification } from 'maplibre-gl';
import type { AppConfig } from './api/get-config';

/** What every map page receives once the configuration and the base map are known. */
export interface PageProps {
  baseStyle: StyleSpecification;
  config: AppConfig;
}
