import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  LONG_DESCRIPTION_FILE,
  SHORT_DESCRIPTION_FILE,
  STORE_SCREENSHOTS,
  distinctColours,
  readPngHeader,
  screenshotProblems,
  storeAssetProblems,
} from '../../../scripts/check-store-assets';

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An 8-bit RGB PNG, each row written with the given filter (0 none, 1 Sub, 2 Up), so the checker
 * must undo the filters to see the real pixels.
 */
function png(width: number, height: number, pixel: (x: number, y: number) => number[], filter = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(width * 3);
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(width * 3);
    for (let x = 0; x < width; x++) row.set(pixel(x, y), x * 3);
    const filtered = Buffer.alloc(row.length);
    for (let i = 0; i < row.length; i++) {
      const predictor = filter === 1 ? (i >= 3 ? row[i - 3]! : 0) : filter === 2 ? previous[i]! : 0;
      filtered[i] = (row[i]! - predictor) & 0xff;
    }
    rows.push(Buffer.from([filter]), filtered);
    previous = row;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Noise: compresses badly, like a real screenshot's detail, so the file is well over 10 KB. */
const noise = (x: number, y: number) => {
  let v = Math.imul(x ^ (y << 11), 0x9e3779b1);
  v = Math.imul(v ^ (v >>> 15), 0x85ebca6b) >>> 0;
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff];
};
const white = () => [255, 255, 255];

describe('store assets check', () => {
  it('reads width and height from the PNG header, and refuses other files', () => {
    expect(readPngHeader(png(3, 2, white))).toMatchObject({
      width: 3,
      height: 2,
      bitDepth: 8,
      colourType: 2,
    });
    expect(() => readPngHeader(Buffer.from('<html>not an image</html>'.repeat(3)))).toThrow(
      'it is not a PNG file',
    );
  });

  it('counts colours after undoing the row filters', () => {
    // One colour written with Sub or Up filters: the raw bytes differ, the pixels do not.
    expect(distinctColours(png(40, 10, () => [10, 20, 30], 1))).toBe(1);
    expect(distinctColours(png(40, 10, () => [10, 20, 30], 2))).toBe(1);
    expect(distinctColours(png(40, 10, (x) => (x < 20 ? [0, 0, 0] : [255, 0, 0]), 1))).toBe(2);
  });

  const detailed = png(1280, 800, noise, 1);

  it('passes a detailed 1280×800 screenshot', () => {
    expect(screenshotProblems('1-popup-list.png', detailed)).toEqual([]);
  });

  it('says a wrong size, a blank page and a non-PNG in plain words', () => {
    expect(screenshotProblems('a.png', png(1280, 720, noise))).toEqual([
      'a.png: it is 1280×720; the stores need exactly 1280×800.',
    ]);
    const blank = screenshotProblems('b.png', png(1280, 800, white, 2));
    expect(blank).toContain('b.png: it is one colour only (a blank page).');
    expect(blank.join('\n')).toMatch(/b\.png: it is only \d+ bytes, too small/);
    expect(screenshotProblems('c.png', Buffer.from('x'.repeat(20_000)))).toEqual([
      'c.png: it is not a PNG file.',
    ]);
  });

  it('says a screenshot cut off while it was written is damaged, in plain words', () => {
    // The header still reads; the compressed image data ends early.
    expect(screenshotProblems('d.png', detailed.subarray(0, detailed.length / 2))).toEqual([
      'd.png: its image data is cut short or damaged.',
    ]);
  });

  describe('the output folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'store-assets-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('is ready when every screenshot and both descriptions are there and right', () => {
      const shot = detailed;
      for (const name of STORE_SCREENSHOTS) writeFileSync(join(dir, name), shot);
      writeFileSync(join(dir, SHORT_DESCRIPTION_FILE), 'Orders in your browser.\n');
      writeFileSync(join(dir, LONG_DESCRIPTION_FILE), 'All about it.\n');
      expect(storeAssetProblems(dir)).toEqual([]);
    });

    it('lists each missing file and a too-long short description', () => {
      const shot = detailed;
      for (const name of STORE_SCREENSHOTS.slice(1)) writeFileSync(join(dir, name), shot);
      writeFileSync(join(dir, SHORT_DESCRIPTION_FILE), 'a'.repeat(140));
      expect(storeAssetProblems(dir)).toEqual([
        '1-popup-list.png: missing.',
        `${LONG_DESCRIPTION_FILE}: missing.`,
        'The short description is 140 characters; the stores allow at most 132. Shorten it by 8.',
      ]);
    });

    it('says to run the command when there is no folder', () => {
      expect(storeAssetProblems(join(dir, 'nothing'))).toEqual([
        `There is no ${join(dir, 'nothing')}: run npm run store-assets first.`,
      ]);
    });
  });
});
