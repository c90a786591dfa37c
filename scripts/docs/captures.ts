/**
 * `npx tsx scripts/docs/captures.ts`: the screenshots of docs/parcours.md, taken in headless
 * Chromium on the production server (geodata/, or GEODATA_DIR) and written to docs/captures/ as
 * PNG under 300 KB (colours posterised to 5 bits a channel: the map's flat colours survive, the
 * file shrinks). Re-run after a visible change to the pages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../lib/chromium';
import { runServer } from '../lib/run-server';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../lib/paths';

const OUT = join(REPO_ROOT, 'docs/captures');
const MAX_BYTES = 300 * 1024;

interface Capture {
  file: string;
  path: string;
  viewport?: { width: number; height: number };
  /** Extra wait for a text before the shot. */
  text?: string;
}

const CAPTURES: Capture[] = [
  { file: 'explorer-haute-garonne.png', path: '/?territoire=departement:31', text: 'Indicateurs — Haute-Garonne' },
  { file: 'explorer-acces-occitanie.png', path: '/?territoire=region:76&couches=indice,structures', text: 'Indice du territoire' },
  { file: 'cpts-grand-sud-reunion.png', path: '/cpts/REU-974-GRAND-SUD', text: 'Zones blanches le long de la limite' },
  { file: 'cpts-brouillon.png', path: '/cpts/REU-974-GRAND-SUD?brouillon=1&ajouts=97422', text: 'km²' },
  { file: 'snp-colomiers.png', path: '/snp?q=Colomiers', text: 'MMG COLOMIERS' },
  { file: 'snp-colomiers-telephone.png', path: '/snp?q=Colomiers', viewport: { width: 390, height: 844 }, text: 'MMG COLOMIERS' },
];

/** Keeps the 5 high bits of each channel, drops alpha, writes with the strongest deflate. */
function compact(bytes: Buffer, bits: number): Buffer {
  const src = PNG.sync.read(bytes);
  const out = new PNG({ width: src.width, height: src.height, colorType: 2, inputHasAlpha: true });
  const mask = (0xff << (8 - bits)) & 0xff;
  const half = 1 << (7 - bits);
  for (let i = 0; i < src.data.length; i += 4) {
    for (let c = 0; c < 3; c++) out.data[i + c] = Math.min(255, (src.data[i + c]! & mask) + half);
    out.data[i + 3] = 255;
  }
  return PNG.sync.write(out, { colorType: 2, deflateLevel: 9 });
}

mkdirSync(OUT, { recursive: true });
const server = await runServer({ env: { MAILLAGE_READ_ONLY: '1' } });
const browser = await launchChromium();
try {
  for (const c of CAPTURES) {
    const page = await browser.newPage({ viewport: c.viewport ?? { width: 1280, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    await page.goto(`${server.url}${c.path}`);
    if (c.text) await page.getByText(c.text).first().waitFor({ timeout: 60_000 });
    await page.waitForSelector('[data-testid=carte][data-idle=true]', { timeout: 60_000, state: 'attached' });
    await page.waitForTimeout(500);
    const raw = await page.screenshot();
    let png = compact(raw, 5);
    if (png.length > MAX_BYTES) png = compact(raw, 4);
    if (png.length > MAX_BYTES) throw new Error(`${c.file} : ${png.length} octets, plus de 300 Ko même posterisée`);
    writeFileSync(join(OUT, c.file), png);
    console.log(`${c.file.padEnd(32)} ${(png.length / 1024).toFixed(0)} Ko (brut ${(raw.length / 1024).toFixed(0)} Ko)`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
