/**
 * Text of uploaded files: encoding detected (UTF-8, Windows-1252, or both line by line), records
 * split with RFC 4180 quotes where a field opens with one, separator taken from the header.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../server/src/ingest/decode-text';
import { detectSeparator, splitRecords } from '../../server/src/ingest/delimited-text';

describe('decoding', () => {
  it('reads UTF-8 with or without BOM, and Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFCentre de Santé\n', 'utf8'))).toEqual({ text: 'Centre de Santé\n', encoding: 'utf-8' });
    expect(decodeText(iconv.encode('Centre de Santé « Œuvre »\n', 'windows-1252'))).toEqual({ text: 'Centre de Santé « Œuvre »\n', encoding: 'windows-1252' });
  });

  it('decodes a file mixing Windows-1252 and UTF-8 lines line by line', () => {
    const bytes = Buffer.concat([iconv.encode('structureet;CH PÉRONNE\n', 'windows-1252'), Buffer.from('structureet;HÔPITAL SALENGRO\n', 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: 'structureet;CH PÉRONNE\nstructureet;HÔPITAL SALENGRO\n', encoding: 'mixte (utf-8 et windows-1252)' });
  });
});

describe('splitting records', () => {
  it('honours quotes around separators, line breaks and doubled quotes, and keeps stray quotes', () => {
    const text = 'a;"b;c";"d ""e"""\r\n1;"deux\nlignes";LABM"BIOCEA"\n\nfin;;\n';
    expect(splitRecords(text, ';')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b;c', 'd "e"'] },
        { line: 2, fields: ['1', 'deux\nlignes', 'LABM"BIOCEA"'] },
        { line: 5, fields: ['fin', '', ''] },
      ],
      unclosedQuoteLine: null,
      endsWithoutNewline: false,
    });
  });

  it('says where a quote opens and never closes (a truncated file)', () => {
    expect(splitRecords('a;b\n1;"jamais fermé\n2;3', ';')).toMatchObject({ records: [{ line: 1, fields: ['a', 'b'] }], unclosedQuoteLine: 2, endsWithoutNewline: true });
  });

  it('takes the separator of the header, quotes ignored', () => {
    expect(detectSeparator('id_cpts;nom;"statut, date"')).toBe(';');
    expect(detectSeparator('id_cpts,nom,statut')).toBe(',');
    expect(detectSeparator('id_cpts\tnom')).toBe('\t');
    expect(detectSeparator('id_cpts|nom|statut')).toBeNull();
  });
});
