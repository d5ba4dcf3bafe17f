import zlib from 'node:zlib';
import sharp from 'sharp';

/*
 * Images for media tests, made here rather than shipped: a phone photo with EXIF and GPS,
 * a decompression bomb, damaged and disguised files.
 */

/** Strings planted in the EXIF of `phonePhoto`: present in its bytes, absent from anything stored. */
export const EXIF_MARKERS = { owner: 'exif-marker-owner-ana', gpsDatum: 'GPS-MARKER-DATUM' } as const;

/** A photograph-like JPEG (noise, so it compresses like a photo) with camera EXIF and a GPS position. */
export async function phonePhoto(width: number, height: number, options: { orientation?: number } = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 60 }, noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .withExif({
      IFD0: { Copyright: EXIF_MARKERS.owner, Make: 'FixtureCam', Model: 'FC-1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1', GPSMapDatum: EXIF_MARKERS.gpsDatum },
    });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  // Encoded once, then decoded again by the caller: a JPEG is what a camera sends.
  return image.jpeg({ quality: 85 }).toBuffer();
}

export async function plainImage(format: 'png' | 'webp' | 'gif' | 'avif', width = 64, height = 48): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 4, background: { r: 200, g: 60, b: 30, alpha: 1 } } });
  return image.toFormat(format).toBuffer();
}

/** A two-frame animated GIF (red, then blue). */
export async function animatedGif(width = 40, height = 30): Promise<Buffer> {
  const frame = (background: string) => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
  return sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/**
 * A PNG of a few hundred bytes whose header declares `width` × `height` pixels: decoding
 * it would ask for width × height × 3 bytes. The pixel data is a few zero rows only.
 */
export function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = zlib.deflateSync(Buffer.alloc((width * 3 + 1) * 4));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

export const HTML_PAGE = Buffer.from('<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>\n');
export const SVG_WITH_SCRIPT = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>\n',
);
export const PDF_FILE = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const TEXT_FILE = Buffer.from('Notes for Monday: call the port authority about the convoy schedule.\n');

/** The JPEG magic number followed by nothing a decoder can read. */
export function garbageWithJpegMagic(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.alloc(3000, 0x5a)]);
}
