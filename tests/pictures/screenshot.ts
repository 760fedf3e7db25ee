// Renders Adaptive Cards with the official renderer (adaptivecards package) in headless Chromium and saves PNGs:
// one Chromium for all of them, driven over the DevTools protocol (puppeteer-core), instead of two launches a card.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);

/** Where the screenshots are kept (gitignored): test artefacts a person can open. */
export const ARTIFACTS = resolve(import.meta.dirname, '../../test-artifacts/screenshots');

/** The Chromium binary (Debian's `chromium`; .ci/run installs it), or a clear failure. */
export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate) {
      try {
        readFileSync(candidate, { flag: 'r' }).length;
        return candidate;
      } catch {
        // try the next one
      }
    }
  }
  throw new Error('Chromium not found: install Debian\'s chromium (.ci/run does) or set CHROMIUM_PATH.');
}

function page(card: unknown, width: number): string {
  const script = readFileSync(join(dirname(require.resolve('adaptivecards/package.json')), 'dist/adaptivecards.min.js'), 'utf8');
  const css = readFileSync(join(dirname(require.resolve('adaptivecards/package.json')), 'dist/adaptivecards.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body{margin:0;background:#f5f5f5;font-family:"Segoe UI","DejaVu Sans",sans-serif}#card{width:${width}px;margin:8px;background:#fff;border-radius:4px;box-shadow:0 1px 3px #0003}</style>
<script>${script}</script></head><body><div id="card"></div><script>
const card = new AdaptiveCards.AdaptiveCard();
card.parse(${JSON.stringify(card)});
document.getElementById('card').appendChild(card.render());
document.title = 'h=' + (document.getElementById('card').getBoundingClientRect().height + 16);
</script></body></html>`;
}

/** One card to draw: saved as `<name>.png` (and the page as `<name>.html`) under ARTIFACTS. */
export interface CardToDraw {
  name: string;
  card: unknown;
  width?: number;
}

/** Render each card to its PNG in one headless Chromium; returns each file path and rendered height in pixels. */
export async function screenshotCards(cards: readonly CardToDraw[]): Promise<Array<{ file: string; height: number }>> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'] });
  try {
    const shots: Array<{ file: string; height: number }> = [];
    for (const { name, card, width = 560 } of cards) {
      const html = join(ARTIFACTS, `${name}.html`);
      writeFileSync(html, page(card, width));
      const tab = await browser.newPage();
      await tab.setViewport({ width: width + 16, height: 100 });
      await tab.goto(`file://${html}`, { waitUntil: 'load' });
      // The page's script lays the card out and reports its height in the title; the shot is the whole page.
      const height = Math.ceil(Number(/^h=([\d.]+)$/.exec(await tab.title())?.[1] ?? Number.NaN));
      const file = join(ARTIFACTS, `${name}.png`);
      await tab.screenshot({ path: file as `${string}.png`, fullPage: true });
      await tab.close();
      shots.push({ file, height });
    }
    return shots;
  } finally {
    await browser.close();
  }
}
