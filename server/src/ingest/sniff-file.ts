/**
 * Recognises files of the wrong kind before any parsing, so that the user reads what the file
 * is and what to do (« enregistrez la feuille en CSV »), never a parser's stack trace.
 */
export type ExpectedFormat = 'csv' | 'geojson';

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function firstNonSpace(bytes: Uint8Array): number | null {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length && i < 4096; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return null;
}

/** UTF-16 without a byte-order mark: every other byte of the first ones is zero (ASCII text). */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  return Math.max(evenZero, oddZero) >= 0.9 * (n / 2) && Math.min(evenZero, oddZero) <= 0.1 * (n / 2);
}

/** Line ends are carriage returns alone: a CR in the first 64 Kio and no LF there. */
function crOnly(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 65536);
  return head.includes(0x0d) && !head.includes(0x0a) && head.indexOf(0x0d) < head.length - 1;
}

/**
 * What a reader may add about a JSON or XML file given where a CSV is expected (the FINESS reader:
 * « le nouveau flux FINESS de l'ANS ? »), said in brackets after « Ce fichier est du JSON ».
 */
export interface SniffHints { json?: string; xml?: string }

/**
 * A French message when the bytes cannot be a file of the expected format, else null. `csvLabel`
 * names what the import reads (« l'extraction FINESS Etalab : le fichier … »); the sentence is
 * « … alors que cet import attend <csvLabel> », whatever its gender.
 */
export function sniffWrongFile(bytes: Uint8Array, expected: ExpectedFormat, csvLabel = 'un fichier CSV', hints: SniffHints = {}): string | null {
  if (bytes.length === 0 || firstNonSpace(bytes) === null) return 'Le fichier est vide.';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return 'Ce fichier est un classeur Excel (.xlsx) ou une archive ZIP, pas un fichier texte : ouvrez-le et enregistrez la feuille au format CSV (UTF-8, séparateur « ; »).';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'Ce fichier est un classeur Excel ancien (.xls) : ouvrez-le et enregistrez la feuille au format CSV (UTF-8, séparateur « ; »).';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'Ce fichier est compressé (gzip) : décompressez-le avant de l\'importer.';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'Ce fichier est un PDF : un import attend des données (CSV ou GeoJSON), pas un document.';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksUtf16(bytes)) {
    return 'Ce fichier est encodé en UTF-16 (Unicode de Windows, « Texte Unicode » d\'Excel) : enregistrez-le en CSV UTF-8 (« CSV UTF-8 (délimité par des virgules) », séparateur « ; ») avant de l\'importer.';
  }
  if (bytes.subarray(0, 4096).includes(0)) return 'Ce fichier est binaire (octets nuls) : un import attend un fichier texte.';
  if (expected === 'csv' && crOnly(bytes)) {
    return 'Ce fichier sépare ses lignes par des retours chariot seuls (CR, fins de ligne des anciens Mac) : enregistrez-le avec des fins de ligne Windows (CRLF) ou Unix (LF), par exemple en « CSV UTF-8 » depuis Excel.';
  }
  const first = firstNonSpace(bytes);
  const looksJson = first === 0x7b || first === 0x5b; // { or [
  const hint = (h: string | undefined) => (h ? ` (${h})` : '');
  if (expected === 'csv' && looksJson) {
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    const geo = /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head);
    return geo
      ? `Ce fichier est du GeoJSON alors que cet import attend ${csvLabel} : pour des périmètres de CPTS dessinés, choisissez le type d'import « cpts-perimetres ».`
      : `Ce fichier est du JSON${hint(hints.json)} alors que cet import attend ${csvLabel}.`;
  }
  if (expected === 'csv' && first === 0x3c) { // <
    return `Ce fichier est du XML${hint(hints.xml)} alors que cet import attend ${csvLabel}.`;
  }
  if (expected === 'geojson' && !looksJson) {
    return 'Un fichier GeoJSON est attendu (texte commençant par « { », FeatureCollection de polygones) : ce fichier n\'en est pas un (CSV ?).';
  }
  return null;
}
