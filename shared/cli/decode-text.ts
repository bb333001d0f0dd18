/** What `decodeText` found: the text and how it was encoded, so the CLI can say so. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252';
  /** The bytes began with a UTF-8 byte-order mark (dropped from `text`). */
  readonly bom: boolean;
}

/**
 * Decodes a spreadsheet export. UTF-8 with or without a byte-order mark is read as such; bytes
 * that are not valid UTF-8 are read as Windows-1252, the encoding Excel uses for "CSV" on French
 * Windows, so that `é` saved by Excel is not turned into replacement characters.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom };
  }
}
