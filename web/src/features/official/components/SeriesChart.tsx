/**
 * A small line chart of a dated series, in SVG and DSFR colours (blue France for the values, the
 * target dashed in green): dates on a time scale, the target as a horizontal line with its date.
 * No library (the State's dsfr-chart 1.x needs Vue 2).
 */
export interface SeriesChartProps {
  serie: { date: string; valeur: number }[];
  cible: { date: string; valeur: number } | null;
  unite: 'pourcentage' | 'nombre';
  title: string;
}

const W = 220;
const H = 64;
const PAD = { left: 4, right: 4, top: 6, bottom: 14 };
const BLUE = '#000091';
const GREEN = '#18753c';

const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

export function SeriesChart({ serie, cible, unite, title }: SeriesChartProps) {
  if (serie.length === 0) return null;
  const t0 = time(serie[0]!.date);
  const t1 = Math.max(time(serie[serie.length - 1]!.date), cible ? time(cible.date) : 0, t0 + 1);
  const values = [...serie.map((p) => p.valeur), ...(cible ? [cible.valeur] : [])];
  const top = unite === 'pourcentage' ? 100 : Math.max(...values) * 1.05;
  const x = (d: string) => PAD.left + ((time(d) - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / (top || 1)) * (H - PAD.top - PAD.bottom);
  const path = serie.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(p.valeur).toFixed(1)}`).join(' ');
  const last = serie[serie.length - 1]!;
  return (
    <svg className="maillage-series" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title}>
      <title>{title}</title>
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#929292" strokeWidth="0.5" />
      {cible && <line x1={PAD.left} x2={W - PAD.right} y1={y(cible.valeur)} y2={y(cible.valeur)} stroke={GREEN} strokeWidth="1" strokeDasharray="3 2" />}
      <path d={path} fill="none" stroke={BLUE} strokeWidth="1.6" />
      {serie.map((p) => <circle key={p.date} cx={x(p.date)} cy={y(p.valeur)} r="1.8" fill={BLUE} />)}
      <text x={PAD.left} y={H - 3} fontSize="8" fill="#666">{serie[0]!.date.slice(0, 7)}</text>
      <text x={x(last.date)} y={H - 3} fontSize="8" fill="#666" textAnchor={cible ? 'middle' : 'end'}>{last.date.slice(0, 7)}</text>
      {cible && <text x={W - PAD.right} y={H - 3} fontSize="8" fill={GREEN} textAnchor="end">cible {cible.date.slice(0, 4)}</text>}
    </svg>
  );
}
