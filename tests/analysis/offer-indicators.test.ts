/** Offer counts per 10 000 inhabitants and protocol coverage, on the real Haute-Garonne FINESS list. */
import { beforeAll, describe, expect, it } from 'vitest';
import { offerIndicators } from '../../server/src/analysis/offer-indicators';
import { protocolCoverage } from '../../server/src/analysis/protocol-coverage';
import type { CptsRecord, DeploymentRecord, ProtocolRecord, StructureRecord } from '../../server/src/analysis/inputs';
import { curatedRecords } from '../helpers/curated-care';
import { france, type France } from '../helpers/france';

let F: France;
let structures: StructureRecord[];
let cpts: CptsRecord[];
let protocols: ProtocolRecord[];
beforeAll(async () => {
  F = await france();
  ({ structures, cpts, protocols } = curatedRecords(F.table));
});

describe('offer indicators', () => {
  it('counts the 59 MSP, 60 CDS and 11 MMG of Haute-Garonne, per 10 000 inhabitants and by EPCI', () => {
    const r = offerIndicators({ kind: 'departement', code: '31' }, F.table, structures);
    // No emergency site among these curated records in Haute-Garonne: « non renseigné », not 0.
    expect(r.total.nombre).toEqual({ MSP: 59, CDS: 60, MMG: 11, SU: null });
    expect(r.nonRenseigne).toEqual({ MSP: [], CDS: [], MMG: [], SU: ['31'] });
    expect(r.total.pour10000.MSP).toBeCloseTo((59 / r.total.population) * 10_000, 3);
    expect(r.niveau).toBe('epci');
    expect(r.lignes.reduce((s, l) => s + l.nombre.MSP!, 0)).toBe(59);
    expect(r.lignes.reduce((s, l) => s + l.population, 0)).toBe(r.total.population);
    const toulouse = r.lignes.find((l) => l.code === '243100518')!;
    expect(toulouse.nom).toBe('Toulouse Métropole');
    expect(toulouse.nombre.MMG).toBeGreaterThan(0);
  });

  it('breaks France down by région and an EPCI by commune', () => {
    const fr = offerIndicators({ kind: 'france' }, F.table, structures);
    expect(fr.niveau).toBe('region');
    expect(fr.lignes).toHaveLength(18);
    expect(fr.total.nombre).toEqual({ MSP: 59, CDS: 60, MMG: 17, SU: 13 });
    const epci = offerIndicators({ kind: 'epci', code: '243100518' }, F.table, structures);
    expect(epci.niveau).toBe('commune');
    expect(epci.lignes.find((l) => l.code === '31555')!.nom).toBe('Toulouse');
  });

  it('gives no count and no rate for a territory without communes', () => {
    const r = offerIndicators({ kind: 'epci', code: '000000000' }, F.table, structures);
    expect(r.total).toMatchObject({ population: 0, nombre: { MSP: null, CDS: null, MMG: null, SU: null }, pour10000: { MSP: null } });
  });
});

describe('protocol coverage', () => {
  it('counts deployments by protocol and type, and the communes reached through a CPTS or an MSP in the commune', () => {
    const msp = structures.find((s) => s.kind === 'MSP' && s.commune === '31555')!;
    const deployments: DeploymentRecord[] = [
      { id: 'd1', protocolId: 'SNP-ODYNOPHAGIE', structureId: null, cptsId: 'PDL-44-ERDRE-ET-CENS', demo: false },
      { id: 'd2', protocolId: 'SNP-POLLAKIURIE', structureId: msp.id, cptsId: null, demo: false },
      { id: 'd3', protocolId: 'SNP-POLLAKIURIE', structureId: null, cptsId: 'PDL-44-ERDRE-ET-CENS', demo: false },
      { id: 'd4', protocolId: 'INCONNU', structureId: msp.id, cptsId: null, demo: false },
    ];
    const inputs = { structures, cpts, protocols, deployments };
    const pdl = protocolCoverage({ kind: 'departement', code: '44' }, F.table, inputs);
    expect(pdl.deploiements).toBe(2);
    expect(pdl.parProtocole.map((p) => [p.protocole, p.parType])).toEqual([['SNP-ODYNOPHAGIE', { CPTS: 1 }], ['SNP-POLLAKIURIE', { CPTS: 1 }]]);
    expect(pdl.communesAtteintes.liste.map((c) => c.code)).toEqual(['44035', '44114', '44194']);
    expect(pdl.communesAtteintes.liste[0]!.via).toEqual([{ type: 'CPTS', id: 'PDL-44-ERDRE-ET-CENS', nom: 'CPTS Erdre et Cens', protocoles: ['SNP-ODYNOPHAGIE', 'SNP-POLLAKIURIE'] }]);
    expect(pdl.orphelins).toEqual(['d4']);
    const hg = protocolCoverage({ kind: 'departement', code: '31' }, F.table, inputs);
    expect(hg.parProtocole).toEqual([expect.objectContaining({ protocole: 'SNP-POLLAKIURIE', parType: { MSP: 1 } })]);
    expect(hg.communesAtteintes.liste.map((c) => c.code)).toEqual(['31555']);
    expect(hg.communesAtteintes.population).toBe(F.table.byCode.get('31555')!.population);
  });
});
