/**
 * Checks what `npm run store-assets` wrote before it goes to the stores: every screenshot exists,
 * is a PNG of exactly the stores' 1280×800, and shows something (not a blank or one-colour page),
 * and both descriptions are within the stores' limits. Exits 1 with a plain list of what is wrong.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { listingProblems } from './store-listing';

export const STORE_ASSETS_DIR = resolve(import.meta.dirname, '..', '.output', 'store-assets');
export const STORE_SCREENSHOT_WIDTH = 1280;
export const STORE_SCREENSHOT_HEIGHT = 800;
/** A real screenshot of the extension compresses to far more than this; a blank page to less. */
export const MIN_SCREENSHOT_BYTES = 10 * 1024;

export const STORE_SCREENSHOTS = [
  '1-popup-list.png',
  '2-cancel-pending.png',
  '3-buyer-requests.png',
  '4-full-tab.png',
  '5-seller-central-warning.png',
] as const;
export const SHORT_DESCRIPTION_FILE = 'short-description.txt';
export const LONG_DESCRIPTION_FILE = 'long-description.txt';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  readonly interlace: number;
}

/** Reads the IHDR chunk, which the PNG format requires first; throws when the bytes are not a PNG. */
export function readPngHeader(bytes: Buffer): PngHeader {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('it is not a PNG file');
  }
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('it is a damaged PNG (no header chunk)');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24] ?? 0,
    colourType: bytes[25] ?? 0,
    interlace: bytes[28] ?? 0,
  };
}

/** Bytes per pixel for 8-bit images by colour type: grey, RGB, (palette), grey+alpha, RGBA. */
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** The image's pixel rows, unfiltered, for 8-bit non-interlaced PNGs (what Chromium writes). */
function pixelRows(bytes: Buffer, header: PngHeader): Buffer[] {
  const bpp = CHANNELS[header.colourType];
  if (header.bitDepth !== 8 || header.interlace !== 0 || bpp === undefined) {
    throw new Error('it is not an 8-bit, non-interlaced PNG, so its pixels cannot be checked');
  }
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data));
  } catch {
    throw new Error('its image data is cut short or damaged');
  }
  const stride = header.width * bpp;
  if (raw.length < (stride + 1) * header.height) throw new Error('its image data is cut short');
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= bpp ? (row[i - bpp] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i >= bpp ? (previous[i - bpp] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else if (filter !== 0) throw new Error('its image data is damaged (unknown row filter)');
      row[i] = ((line[i] ?? 0) + predictor) & 0xff;
    }
    rows.push(row);
    previous = row;
  }
  return rows;
}

/** How many distinct colours the image has, counting up to `limit` (enough to tell a blank page). */
export function distinctColours(bytes: Buffer, limit = 16): number {
  const header = readPngHeader(bytes);
  const bpp = CHANNELS[header.colourType] ?? 1;
  const seen = new Set<string>();
  for (const row of pixelRows(bytes, header)) {
    for (let i = 0; i < row.length; i += bpp) {
      seen.add(row.subarray(i, i + bpp).toString('hex'));
      if (seen.size >= limit) return seen.size;
    }
  }
  return seen.size;
}

/** What is wrong with one screenshot, in words; empty when it is fine. */
export function screenshotProblems(name: string, bytes: Buffer): string[] {
  let header: PngHeader;
  try {
    header = readPngHeader(bytes);
  } catch (error) {
    return [`${name}: ${(error as Error).message}.`];
  }
  const problems: string[] = [];
  if (header.width !== STORE_SCREENSHOT_WIDTH || header.height !== STORE_SCREENSHOT_HEIGHT) {
    problems.push(
      `${name}: it is ${header.width}×${header.height}; the stores need exactly ${STORE_SCREENSHOT_WIDTH}×${STORE_SCREENSHOT_HEIGHT}.`,
    );
  }
  if (bytes.length <= MIN_SCREENSHOT_BYTES) {
    problems.push(
      `${name}: it is only ${bytes.length} bytes, too small to show the extension (a blank page?).`,
    );
  }
  try {
    if (distinctColours(bytes, 2) < 2) problems.push(`${name}: it is one colour only (a blank page).`);
  } catch (error) {
    problems.push(`${name}: ${(error as Error).message}.`);
  }
  return problems;
}

/** Everything wrong with the store assets folder; empty when all is ready for the stores. */
export function storeAssetProblems(dir: string): string[] {
  if (!existsSync(dir)) return [`There is no ${dir}: run npm run store-assets first.`];
  const problems: string[] = [];
  for (const name of STORE_SCREENSHOTS) {
    const path = join(dir, name);
    if (!existsSync(path) || !statSync(path).isFile()) {
      problems.push(`${name}: missing.`);
      continue;
    }
    problems.push(...screenshotProblems(name, readFileSync(path)));
  }
  const text = (name: string): string | undefined => {
    const path = join(dir, name);
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
    problems.push(`${name}: missing.`);
    return undefined;
  };
  const short = text(SHORT_DESCRIPTION_FILE);
  const long = text(LONG_DESCRIPTION_FILE);
  problems.push(
    ...listingProblems({ short, long }).filter(
      // A missing file was said above; the listing's own words about its sections would repeat it.
      (problem) => !/section is missing/.test(problem),
    ),
  );
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : STORE_ASSETS_DIR;
  const problems = storeAssetProblems(dir);
  if (problems.length > 0) {
    console.error(`The store assets in ${dir} are not ready:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log(
    `Store assets ready in ${dir}: ${STORE_SCREENSHOTS.length} screenshots at ${STORE_SCREENSHOT_WIDTH}×${STORE_SCREENSHOT_HEIGHT} and both descriptions.`,
  );
}
