/** The harness's media library: items as the media area's JSON gives them, and a content sniff for uploads. */

export interface HarnessMedia {
  id: string;
  file: string;
  width: number;
  height: number;
  mimeType: string;
  alt: string;
  caption: string;
  credit: string;
  bytes: Buffer;
}

export interface MediaItemJson {
  id: string;
  url: string;
  file: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  mimeType: string;
}

export function toItemJson(m: HarnessMedia): MediaItemJson {
  return { id: m.id, url: `/media/${m.file}`, file: m.file, width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit, mimeType: m.mimeType };
}

/** The type and size from the bytes (never from the name), or null when they are not an image. */
export function imageInfoOf(bytes: Buffer): { mimeType: string; width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { mimeType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length > 10 && bytes.toString('latin1', 0, 6).startsWith('GIF8')) return { mimeType: 'image/gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegInfo(bytes);
  return null;
}

function jpegInfo(bytes: Buffer): { mimeType: string; width: number; height: number } | null {
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mimeType: 'image/jpeg', height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
