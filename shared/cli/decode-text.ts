/** What `decodeText` found: the text and how it was encoded, so the CLI can say so. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252' | 'macintosh' | 'utf-16le' | 'utf-16be';
  /** The bytes began with a byte-order mark (dropped from `text`). */
  readonly bom: boolean;
  /**
   * For UTF-8 text with bytes that are not UTF-8 (a word pasted from another file): the offset in
   * `text` of the first, decoded as U+FFFD. Such a file is neither UTF-8 nor Windows-1252 through.
   */
  readonly invalidAt?: number;
  /** That first byte that is not UTF-8. */
  readonly invalidByte?: number;
}

/** The length of the UTF-8 sequence that starts at `i` with a byte of 0x80 or more, or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const within = (k: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return within(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef)
    return within(1, lead === 0xe0 ? 0xa0 : 0x80, lead === 0xed ? 0x9f : 0xbf) && within(2) ? 3 : 0;
  if (lead >= 0xf0 && lead <= 0xf4)
    return within(1, lead === 0xf0 ? 0x90 : 0x80, lead === 0xf4 ? 0x8f : 0xbf) &&
      within(2) &&
      within(3)
      ? 4
      : 0;
  return 0;
}

/**
 * Whether the character of a valid UTF-8 sequence of `length` bytes at `i` is one French text
 * holds: Latin letters with their accents and ligatures, the no-break spaces, dashes, quotes,
 * guillemets and ellipsis, the euro sign. Text in another encoding makes valid pairs by chance,
 * but of other characters: Windows-1252's « é\u00a0» » is E9 A0 BB (U+983B), « É\u00a0: » holds
 * C9 A0 (U+0260), and Mac Roman's ’ “ ” – — before an accented letter give Armenian or Cyrillic.
 */
function frenchCharacter(bytes: Uint8Array, i: number, length: number): boolean {
  const b0 = bytes[i] ?? 0;
  const b1 = (bytes[i + 1] ?? 0) & 0x3f;
  const code =
    length === 2
      ? ((b0 & 0x1f) << 6) | b1
      : length === 3
        ? ((b0 & 0x0f) << 12) | (b1 << 6) | ((bytes[i + 2] ?? 0) & 0x3f)
        : 0;
  return (code >= 0xa0 && code <= 0x17f) || (code >= 0x2010 && code <= 0x203a) || code === 0x20ac;
}

/**
 * The offset of the first byte that is not UTF-8, when the bytes also hold a valid UTF-8 sequence
 * of a character French text holds (an accent saved as UTF-8, see `frenchCharacter`): text in one
 * encoding throughout never does both.
 */
function mixedUtf8(bytes: Uint8Array): number | undefined {
  let invalid: number | undefined;
  let multibyte = false;
  for (let i = 0; i < bytes.length;) {
    if ((bytes[i] ?? 0) < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) invalid ??= i;
    else if (!multibyte && frenchCharacter(bytes, i, length)) multibyte = true;
    i += Math.max(length, 1);
  }
  return multibyte ? invalid : undefined;
}

/**
 * The UTF-16 byte order of text without a byte-order mark, or undefined. UTF-8 and Windows-1252
 * text never holds a zero byte, while UTF-16 holds one in every character of the Latin alphabet:
 * zeros at most odd offsets are little-endian, at most even offsets big-endian.
 */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.byteLength, 4096) & ~1);
  if (sample.byteLength < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.byteLength; i += 2) {
    if (sample[i] === 0) even += 1;
    if (sample[i + 1] === 0) odd += 1;
  }
  const pairs = sample.byteLength / 2;
  if (odd >= pairs / 2 && even === 0) return 'utf-16le';
  if (even >= pairs / 2 && odd === 0) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a spreadsheet export. UTF-8 with or without a byte-order mark is read as such; UTF-16
 * (Excel's "Unicode text"), with a byte-order mark or recognised by its zero bytes, as UTF-16;
 * bytes that are not valid UTF-8 are read as Windows-1252, the encoding Excel uses for "CSV" on
 * French Windows, so that `é` saved by Excel is not turned into replacement characters; but UTF-8
 * text with a few such bytes in it is read as UTF-8 and says where the first is (`invalidAt`),
 * rather than having every accent turned into two characters.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16Bom =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  const utf16 = utf16Bom ?? utf16Without(bytes);
  if (utf16) {
    const body = utf16Bom ? bytes.subarray(2) : bytes;
    return {
      text: new TextDecoder(utf16, { ignoreBOM: true }).decode(body),
      encoding: utf16,
      bom: utf16Bom !== undefined,
    };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    const invalid = mixedUtf8(body);
    if (invalid !== undefined)
      return {
        text: new TextDecoder('utf-8').decode(body),
        encoding: 'utf-8',
        bom,
        invalidAt: new TextDecoder('utf-8').decode(body.subarray(0, invalid)).length,
        invalidByte: body[invalid] ?? 0,
      };
    if (isMacRoman(body)) return { text: decodeMacRoman(body), encoding: 'macintosh', bom };
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
  }
}

/**
 * Whether bytes that are not UTF-8 are Mac Roman, as Excel for Mac writes "CSV", rather than
 * Windows-1252: they hold a byte Windows-1252 leaves unassigned (Mac Roman's è, ç, ê, ù…), or
 * Mac Roman's é or à (Windows-1252's Ž and ˆ) right after a lower-case letter, as in "r\x8egion",
 * or à as a word of its own.
 */
function isMacRoman(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i]!;
    if (byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d)
      return true;
    const before = bytes[i - 1] ?? 0;
    if ((byte === 0x8e || byte === 0x88) && before >= 0x61 && before <= 0x7a) return true;
    // " à " alone: Windows-1252's ˆ is never a word by itself.
    if (byte === 0x88 && before === 0x20 && bytes[i + 1] === 0x20) return true;
  }
  return false;
}

/** The characters of bytes 0x80 to 0xFF in Mac Roman (0xF0 is Apple's logo, a private-use one). */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/** Mac Roman bytes as text: one character per byte, from the table above for 0x80 to 0xFF. */
function decodeMacRoman(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes)
    text += byte >= 0x80 ? MAC_ROMAN_HIGH.charAt(byte - 0x80) : String.fromCharCode(byte);
  return text;
}

/**
 * The characters of bytes 0x80 to 0x9F in Windows-1252 (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – —
 * ˜ ™ š › œ ž Ÿ); the five bytes it leaves unassigned keep their own code point. Node's
 * `TextDecoder('windows-1252')` reads these bytes as ISO-8859-1 control characters, which would
 * silently drop the euro sign, the typographic apostrophe and the œ of a French sheet.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** Windows-1252 bytes as text: one character per byte, from the table above for 0x80 to 0x9F. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text +=
      byte >= 0x80 && byte < 0xa0
        ? WINDOWS_1252_HIGH.charAt(byte - 0x80)
        : String.fromCharCode(byte);
  }
  return text;
}
