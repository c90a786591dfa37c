/**
 * Reader of the « déploiements de protocoles » CSV template: one row per protocol deployed in a
 * structure (by FINESS number or structure identifier) or in a CPTS. Protocols, structures and
 * CPTS are checked against the database by the import.
 */
import { finessSyntax, IDENTIFIER, nonNegativeInteger, partialDate } from './field-values';
import type { LineIssue } from './line-issue';
import { readTemplate, type TemplateReading, type TemplateSpec } from './read-template';

export const DEPLOYMENTS_TEMPLATE: TemplateSpec = {
  label: 'le modèle « déploiements de protocoles »',
  columns: [
    { name: 'protocole', required: true, aliases: ['id_protocole', 'protocol_id'] },
    { name: 'finess_et', aliases: ['finess'] },
    { name: 'id_structure' },
    { name: 'id_cpts', aliases: ['cpts_id'] },
    { name: 'depuis', aliases: ['date_debut'] },
    { name: 'nombre_delegues', aliases: ['delegues'] },
    { name: 'source', required: true },
  ],
};

export interface DeploymentInput {
  line: number;
  protocol: string;
  /** Exactly one of the three. */
  finessEt: string | null;
  structureId: string | null;
  cptsId: string | null;
  since: string | null;
  deleguesCount: number | null;
  source: string;
}

export interface DeploymentsReading extends Omit<TemplateReading, 'rows'> {
  deployments: DeploymentInput[];
  rowsRead: number;
}

export function readDeploymentsCsv(bytes: Uint8Array): DeploymentsReading {
  const reading = readTemplate(bytes, DEPLOYMENTS_TEMPLATE);
  const rejects: LineIssue[] = [...reading.rejects];
  const deployments: DeploymentInput[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of reading.rows) {
    const reject = (message: string) => rejects.push({ line, ref: v.protocole || undefined, message });
    const targets = [v.finess_et, v.id_structure, v.id_cpts].filter((t) => t !== '');
    if (!IDENTIFIER.test(v.protocole!)) { reject(`identifiant de protocole « ${v.protocole} » invalide`); continue; }
    if (targets.length !== 1) { reject('donnez exactement un lieu de déploiement : finess_et, id_structure ou id_cpts'); continue; }
    if (!v.source) { reject('source vide : dites d\'où vient la ligne (déclaration ARS, site de la CPTS…)'); continue; }
    const finess = v.finess_et ? finessSyntax(v.finess_et) : null;
    const since = v.depuis ? partialDate(v.depuis) : null;
    const count = v.nombre_delegues ? nonNegativeInteger(v.nombre_delegues) : null;
    const bad = [finess, since, count].find((p) => p && !p.ok);
    if (bad && !bad.ok) { reject(bad.message); continue; }
    const input: DeploymentInput = {
      line, protocol: v.protocole!, finessEt: finess?.ok ? finess.value : null, structureId: v.id_structure || null,
      cptsId: v.id_cpts || null, since: since?.ok ? since.value : null, deleguesCount: count?.ok ? count.value : null, source: v.source,
    };
    const key = `${input.protocol}@${input.finessEt ?? input.structureId ?? input.cptsId}`;
    if (seen.has(key)) { reject(`déploiement en double (déjà ligne ${seen.get(key)})`); continue; }
    seen.set(key, line);
    deployments.push(input);
  }
  return { ...reading, deployments, rowsRead: reading.rows.length + reading.rejects.length, rejects };
}
