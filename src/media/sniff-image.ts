/**
 * What a file is, judged from its first bytes alone: never from its name or the type a
 * client claims. Images this site accepts come back as their format; anything else as a
 * short description for the refusal ("it looks like an HTML page").
 */
export type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

export type Sniffed =
  | { kind: 'image'; format: AcceptedFormat }
  /** a drawing that can carry script: refused with its own message */
  | { kind: 'svg' }
  | { kind: 'other'; looksLike: string };

export const MIME_TYPES: Readonly<Record<AcceptedFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

/** How many leading bytes `sniffImage` needs to see. */
export const SNIFF_BYTES = 4096;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImage(head: Uint8Array): Sniffed {
  const bytes = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, SNIFF_BYTES));
  if (bytes.length === 0) return { kind: 'other', looksLike: 'an empty file' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', format: 'jpeg' };
  if (startsWith(bytes, PNG_SIGNATURE)) return { kind: 'image', format: 'png' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', format: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', format: 'webp' };
  const isoBrands = isoMediaBrands(bytes);
  if (isoBrands) {
    if (isoBrands.includes('avif') || isoBrands.includes('avis')) return { kind: 'image', format: 'avif' };
    if (isoBrands.some((b) => ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) {
      return { kind: 'other', looksLike: 'a HEIC photo, which this site cannot read; export it as JPEG' };
    }
    if (isoBrands.some((b) => b.startsWith('qt') || b.startsWith('mp4') || b.startsWith('iso') || b === 'M4V ' || b === 'M4A ')) {
      return { kind: 'other', looksLike: 'a video or audio file' };
    }
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'other', looksLike: 'a PDF document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'other', looksLike: 'a ZIP archive or office document' };
  if (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*') return { kind: 'other', looksLike: 'a TIFF image, which this site does not accept; export it as JPEG or PNG' };
  if (ascii(bytes, 0, 2) === 'BM') return { kind: 'other', looksLike: 'a BMP image, which this site does not accept; export it as PNG' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { kind: 'other', looksLike: 'a compressed (gzip) file' };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || ascii(bytes, 0, 2) === 'MZ') return { kind: 'other', looksLike: 'a program' };
  return sniffText(bytes);
}

/** Text: markup is told apart from plain text, and SVG from other markup. */
function sniffText(bytes: Buffer): Sniffed {
  if (!isMostlyText(bytes)) return { kind: 'other', looksLike: 'data of an unknown kind' };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  // Past an XML declaration, comments and a doctype, the first element says what it is.
  const prologue = text.replace(/^(\s|<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  if (/^<svg[\s>/]/i.test(prologue) || /<!DOCTYPE\s+svg/i.test(text) || /<svg[\s>][\s\S]*xmlns\s*=\s*["']http:\/\/www\.w3\.org\/2000\/svg/i.test(text)) {
    return { kind: 'svg' };
  }
  if (/^<!DOCTYPE\s+html/i.test(text.trimStart()) || /^<(html|head|body|script|div|p|iframe|meta|a)[\s>]/i.test(prologue)) {
    return { kind: 'other', looksLike: 'an HTML page' };
  }
  if (prologue.startsWith('<')) return { kind: 'other', looksLike: 'an XML document' };
  if (/^\s*[[{]/.test(text)) return { kind: 'other', looksLike: 'a JSON file' };
  return { kind: 'other', looksLike: 'a text file' };
}

/** The major and compatible brands of an ISO base media file ("ftyp" box first), or null. */
function isoMediaBrands(bytes: Buffer): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

function isMostlyText(bytes: Buffer): boolean {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= bytes.length / 100;
}

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Buffer, from: number, to: number): string {
  return bytes.subarray(from, to).toString('latin1');
}
