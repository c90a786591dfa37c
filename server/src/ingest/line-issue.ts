/**
 * What readers and imports report: a problem at a line (or GeoJSON entity) with a French reason,
 * and the error that stops a whole file (wrong kind, wrong separator, truncated).
 */
export interface LineIssue {
  /** 1-based line of the file (CSV), or entity number (GeoJSON). */
  line: number;
  /** Identifier of the row when known (FINESS number, CPTS id…). */
  ref?: string;
  message: string;
}

/** The file as a whole cannot be read as the expected kind; the message says why, in French. */
export class FileFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileFormatError';
  }
}
