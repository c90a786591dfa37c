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

/** A French message when the bytes cannot be a file of the expected format, else null. */
export function sniffWrongFile(bytes: Uint8Array, expected: ExpectedFormat, csvLabel = 'un fichier CSV'): string | null {
  if (bytes.length === 0 || firstNonSpace(bytes) === null) return 'Le fichier est vide.';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return 'Ce fichier est un classeur Excel (.xlsx) ou une archive ZIP, pas un fichier texte : ouvrez-le et enregistrez la feuille au format CSV (UTF-8, séparateur « ; »).';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'Ce fichier est un classeur Excel ancien (.xls) : ouvrez-le et enregistrez la feuille au format CSV (UTF-8, séparateur « ; »).';
  }
  if (startsWith(bytes, [0x1f, 0x8b])) return 'Ce fichier est compressé (gzip) : décompressez-le avant de l\'importer.';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'Ce fichier est un PDF : un import attend des données (CSV ou GeoJSON), pas un document.';
  if (bytes.subarray(0, 4096).includes(0)) return 'Ce fichier est binaire (octets nuls) : un import attend un fichier texte.';
  const first = firstNonSpace(bytes);
  const looksJson = first === 0x7b || first === 0x5b; // { or [
  if (expected === 'csv' && looksJson) {
    const head = new TextDecoder().decode(bytes.subarray(0, 4096));
    const geo = /"type"\s*:\s*"(FeatureCollection|Feature)"/.test(head);
    return geo
      ? `Ce fichier est du GeoJSON alors que ${csvLabel} est attendu : pour des périmètres de CPTS dessinés, choisissez le type d'import « cpts-perimetres ».`
      : `Ce fichier est du JSON alors que ${csvLabel} est attendu.`;
  }
  if (expected === 'geojson' && !looksJson) {
    return 'Un fichier GeoJSON est attendu (texte commençant par « { », FeatureCollection de polygones) : ce fichier n\'en est pas un (CSV ?).';
  }
  return null;
}
