/**
 * « Rôles » : an administrator grants ARS delegates (on a département, a région or France) and
 * administrators; an ARS delegate grants the coordinators of the CPTS of their territory.
 */
import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { QueryStatus } from '../../lib/ui/QueryStatus';
import { hasRole, useSession } from '../auth/api/get-session';
import { useRoles, useRoleWrites, type RoleInput } from './api/roles';

export function RolesPage() {
  const session = useSession();
  const admin = hasRole(session.data, 'administrateur');
  const roles = useRoles(Boolean(session.data?.utilisateur));
  const writes = useRoleWrites();
  const [form, setForm] = useState<RoleInput>({ identifiant: '', role: 'coordinateur', territoire: '' });
  const error = writes.grant.error ?? writes.revoke.error;
  return (
    <div className="fr-container fr-my-4w maillage-page">
      <h1>Rôles</h1>
      <form className="fr-mb-3w" onSubmit={(e) => { e.preventDefault(); writes.grant.mutate(form); }}>
        <Input label="Adresse électronique de la personne" nativeInputProps={{ value: form.identifiant, onChange: (e) => setForm({ ...form, identifiant: e.target.value }), type: 'email', required: true }} />
        <Select label="Rôle" nativeSelectProps={{ value: form.role, onChange: (e) => setForm({ ...form, role: e.target.value as RoleInput['role'] }) }}>
          <option value="coordinateur">Coordinateur de CPTS</option>
          {admin && <option value="délégué ARS">Délégué ARS</option>}
          {admin && <option value="administrateur">Administrateur</option>}
        </Select>
        <Input label="Territoire" hintText="cpts:<identifiant> pour un coordinateur ; departement:31, region:76 ou france pour un délégué ARS ; france pour un administrateur" nativeInputProps={{ value: form.territoire, onChange: (e) => setForm({ ...form, territoire: e.target.value }), required: true }} />
        <Button type="submit" disabled={writes.grant.isPending}>Attribuer le rôle</Button>
        <p role="status" className="fr-text--sm">{writes.grant.isSuccess ? 'Rôle attribué.' : writes.revoke.isSuccess ? 'Rôle retiré.' : ''}</p>
      </form>
      {error && <Alert severity="error" small description={error.message} className="fr-mb-2w" />}
      <QueryStatus query={roles} what="les rôles" isEmpty={(d) => d.roles.length === 0} empty="Aucun rôle visible.">
        {(d) => (
          <div className="fr-table fr-table--sm">
            <table>
              <caption>Rôles attribués</caption>
              <thead><tr><th scope="col">Personne</th><th scope="col">Rôle</th><th scope="col">Territoire</th><th scope="col">Attribué par</th><th scope="col">Retirer</th></tr></thead>
              <tbody>
                {d.roles.map((r) => (
                  <tr key={`${r.identifiant}|${r.role}|${r.territoire}`}>
                    <td>{r.identifiant}</td><td>{r.role}</td><td>{r.territoire}</td><td>{r.accordePar}</td>
                    <td><Button size="small" priority="tertiary no outline" onClick={() => writes.revoke.mutate({ identifiant: r.identifiant, role: r.role as RoleInput['role'], territoire: r.territoire })}>Retirer<span className="fr-sr-only"> le rôle de {r.identifiant}</span></Button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryStatus>
    </div>
  );
}
