/** Roles the user may see, and granting / revoking them. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../../../lib/api-client';

export const rolesQuery = () => queryOptions({ queryKey: ['roles'], queryFn: async () => read(await api.roles.$get()) });
export const useRoles = (enabled: boolean) => useQuery({ ...rolesQuery(), enabled });

export type RoleInput = { identifiant: string; role: 'administrateur' | 'délégué ARS' | 'coordinateur'; territoire: string };

export function useRoleWrites() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['roles'] });
  return {
    grant: useMutation({ mutationFn: async (r: RoleInput) => read(await api.roles.$post({ json: r })), onSuccess: done }),
    revoke: useMutation({ mutationFn: async (r: RoleInput) => read(await api.roles.$delete({ json: r })), onSuccess: done }),
  };
}
