/**
 * Protocoles de coopération in a territory: deployments counted by protocol and by type of
 * deploying structure (MSP, CDS… or CPTS), and the communes reached by at least one SNP protocol.
 *
 * A structure deployment is in the territory when the structure's commune is; a CPTS deployment
 * when the CPTS has at least one commune there. A commune is reached by an SNP protocol through a
 * CPTS that lists it (any status, any coverage) and deploys one, or through an MSP or centre de
 * santé located in the commune that deploys one.
 */
import type { CommuneTable, CptsRecord, DeploymentRecord, ProtocolRecord, StructureRecord } from './inputs';
import { communesOf, type Territory } from './territory';
import { compareCodes } from './compare';

export interface ProtocolCoverage {
  parProtocole: { protocole: string; titre: string; snp: boolean; deploiements: number; parType: Record<string, number> }[];
  deploiements: number;
  communesAtteintes: {
    communes: number;
    population: number;
    part: number | null;
    liste: { code: string; nom: string; population: number; via: { type: string; id: string; nom: string; protocoles: string[] }[] }[];
  };
  /** Deployments whose protocol, structure or CPTS is unknown (ignored). */
  orphelins: string[];
  /** A deployment counted in the territory is demonstration data (its own row, its structure or its CPTS). */
  donneesDemonstration: boolean;
}

export interface ProtocolInputs {
  structures: StructureRecord[];
  cpts: CptsRecord[];
  protocols: ProtocolRecord[];
  deployments: DeploymentRecord[];
}

export function protocolCoverage(territory: Territory, table: CommuneTable, { structures, cpts, protocols, deployments }: ProtocolInputs): ProtocolCoverage {
  const communes = communesOf(territory, table);
  const inside = new Set(communes.map((c) => c.code));
  const protocolById = new Map(protocols.map((p) => [p.id, p]));
  const structureById = new Map(structures.map((s) => [s.id, s]));
  const cptsById = new Map(cpts.map((c) => [c.id, c]));
  const perProtocol = new Map<string, Map<string, number>>();
  const reached = new Map<string, Map<string, { type: string; id: string; nom: string; protocoles: Set<string> }>>();
  const reach = (commune: string, type: string, id: string, nom: string, protocol: string) => {
    if (!inside.has(commune)) return;
    const via = reached.get(commune) ?? reached.set(commune, new Map()).get(commune)!;
    const v = via.get(id) ?? via.set(id, { type, id, nom, protocoles: new Set() }).get(id)!;
    v.protocoles.add(protocol);
  };
  const orphans: string[] = [];
  let count = 0;
  let demo = false;
  for (const d of deployments) {
    const p = protocolById.get(d.protocolId);
    const s = d.structureId ? structureById.get(d.structureId) : undefined;
    const c = d.cptsId ? cptsById.get(d.cptsId) : undefined;
    if (!p || (!s && !c)) {
      orphans.push(d.id);
      continue;
    }
    const here = s ? inside.has(s.commune) : c!.communes.some((m) => inside.has(m.code));
    if (!here) continue;
    const type = s ? s.kind : 'CPTS';
    const byType = perProtocol.get(p.id) ?? perProtocol.set(p.id, new Map()).get(p.id)!;
    byType.set(type, (byType.get(type) ?? 0) + 1);
    count++;
    if (d.demo || s?.demo || c?.demo) demo = true;
    if (!p.concernsSnp) continue;
    if (s && (s.kind === 'MSP' || s.kind === 'CDS')) reach(s.commune, s.kind, s.id, s.name, p.id);
    if (c) for (const m of c.communes) reach(m.code, 'CPTS', c.id, c.name, p.id);
  }
  const liste = [...reached].sort(([a], [b]) => compareCodes(a, b)).map(([code, via]) => {
    const c = table.byCode.get(code)!;
    return {
      code, nom: c.nom, population: c.population,
      via: [...via.values()].map((v) => ({ type: v.type, id: v.id, nom: v.nom, protocoles: [...v.protocoles].sort() })),
    };
  });
  const total = communes.reduce((s, c) => s + c.population, 0);
  const population = liste.reduce((s, c) => s + c.population, 0);
  return {
    parProtocole: protocols
      .filter((p) => perProtocol.has(p.id))
      .map((p) => {
        const byType = perProtocol.get(p.id)!;
        return { protocole: p.id, titre: p.title, snp: p.concernsSnp, deploiements: [...byType.values()].reduce((a, b) => a + b, 0), parType: Object.fromEntries([...byType].sort()) };
      }),
    deploiements: count,
    communesAtteintes: { communes: liste.length, population, part: total > 0 ? population / total : null, liste },
    orphelins: orphans,
    donneesDemonstration: demo,
  };
}
