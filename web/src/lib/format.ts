/** French number formatting for figures shown to users. */
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

export const formatInteger = (n: number | null | undefined) => (n === null || n === undefined ? '—' : integer.format(n));
export const formatDecimal = (n: number | null | undefined) => (n === null || n === undefined ? '—' : decimal.format(n));
export const formatPercent = (share: number | null | undefined) => (share === null || share === undefined ? '—' : percent.format(share));
