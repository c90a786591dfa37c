/**
 * Demonstration scenario: deployments of the national SNP protocols, since no open data says where
 * they are deployed. Deterministic: every third MSP of Haute-Garonne (by FINESS number) runs one
 * protocol (taken in turn), and each demonstration CPTS with an ACI signé runs the pollakiurie
 * protocol. Source « démonstration », demo = true.
 */
import { DEMO, type Row } from './care-rows';
import { DEMO_DEPARTEMENT } from './demo-cpts';

export function demoDeployments(structures: Row[], demoCpts: Row[], protocols: Row[]): Row[] {
  const ids = protocols.map((p) => p.id as string).sort();
  if (ids.length === 0) return [];
  const msp = structures
    .filter((s) => s.kind === 'MSP' && !s.demo && String(s.commune).startsWith(DEMO_DEPARTEMENT) && s.finess_et)
    .sort((a, b) => (String(a.finess_et) < String(b.finess_et) ? -1 : 1));
  const rows: Row[] = [];
  msp.forEach((s, i) => {
    if (i % 3 !== 0) return;
    const protocol = ids[(i / 3) % ids.length]!;
    rows.push({ id: `DEMO-${protocol}@${s.id}`, protocol_id: protocol, structure_id: s.id, cpts_id: null, since: null, delegues_count: null, ...DEMO });
  });
  const pollakiurie = ids.find((id) => id === 'SNP-POLLAKIURIE');
  if (pollakiurie) {
    for (const c of demoCpts.filter((c) => c.status === 'ACI signé')) {
      rows.push({ id: `DEMO-${pollakiurie}@${c.id}`, protocol_id: pollakiurie, structure_id: null, cpts_id: c.id, since: null, delegues_count: null, ...DEMO });
    }
  }
  return rows;
}
