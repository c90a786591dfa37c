/**
 * Text of an uploaded file whose encoding nobody states: UTF-8 (with or without BOM) when the
 * bytes are valid UTF-8, Windows-1252 otherwise (Excel's « CSV » in France, historical FINESS).
 * A file mixing both (lines pasted from two sources) is decoded line by line.
 */
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'mixte (utf-8 et windows-1252)';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Does the text contain bytes of a multi-byte UTF-8 sequence? (≥ 0x80) */
const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

/** UTF-8 read as Windows-1252 shows as « Ã© », « Ã¨ », « Â° »…: the sign of lines in UTF-8. */
const MOJIBAKE = /[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

const cp1252 = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');

export function decodeText(input: Uint8Array): DecodedText {
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  const whole = tryUtf8(bytes);
  if (whole !== null) return { text: whole, encoding: 'utf-8' };
  const text = cp1252(bytes);
  if (!MOJIBAKE.test(text)) return { text, encoding: 'windows-1252' };
  // Some lines are UTF-8: decode each line as UTF-8 when it is, Windows-1252 otherwise.
  const parts: string[] = [];
  let start = 0;
  let sawUtf8 = false;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, Math.min(i + 1, bytes.length));
    const asUtf8 = hasHighBytes(line) ? tryUtf8(line) : null;
    if (asUtf8 !== null) sawUtf8 = true;
    parts.push(asUtf8 ?? cp1252(line));
    start = i + 1;
  }
  return { text: parts.join(''), encoding: sawUtf8 ? 'mixte (utf-8 et windows-1252)' : 'windows-1252' };
}
