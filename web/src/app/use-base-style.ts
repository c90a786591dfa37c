import { useQuery } from '@tanstack/react-query';
import { resolveBaseStyle } from '../map/base-style';
import { useConfig } from './api/get-config';

/** The base map chosen by the server's configuration (PLAN IGN or offline). */
export function useBaseStyle() {
  const config = useConfig();
  const style = useQuery({
    queryKey: ['base-style', config.data?.basemap, config.data?.millesime, config.data?.tuiles],
    queryFn: () => resolveBaseStyle(config.data!.basemap, window.location.origin, config.data!.millesime, config.data!.tuiles),
    enabled: Boolean(config.data),
    staleTime: Infinity,
  });
  return { config, style };
}
