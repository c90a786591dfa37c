/** The ids of the structures and CPTS deploying a protocol (null when no protocol is chosen); `pending` while they load. */
import { useMemo } from 'react';
import { useDeployments } from './api/list-protocols';

export function useProtocolFilter(protocol: string | null) {
  const deployments = useDeployments(protocol);
  const pending = deployments.isFetching;
  return useMemo(() => {
    if (!protocol || !deployments.data) return { structures: null, cpts: null, pending };
    const list = deployments.data.deploiements;
    return {
      structures: new Set(list.flatMap((d) => (d.structure ? [d.structure.id] : []))),
      cpts: new Set(list.flatMap((d) => (d.cpts ? [d.cpts.id] : []))),
      pending,
    };
  }, [protocol, deployments.data, pending]);
}
