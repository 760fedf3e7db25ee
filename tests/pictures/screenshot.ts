// Renders an Adaptive Card with the official renderer (adaptivecards package) in headless Chromium and saves a PNG.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
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

/** Render `card` to `<name>.png` under ARTIFACTS; returns the file path and the rendered height in pixels. */
export async function screenshotCard(name: string, card: unknown, width = 560): Promise<{ file: string; height: number }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const html = join(ARTIFACTS, `${name}.html`);
  writeFileSync(html, page(card, width));
  const chromium = chromiumPath();
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=2000'];
  // First pass: let the renderer lay the card out and report its height in the title; then shoot exactly that tall.
  const { stdout } = await run(chromium, [...flags, '--dump-dom', `file://${html}`], { maxBuffer: 64 * 1024 * 1024 });
  const height = Math.ceil(Number(/<title>h=([\d.]+)<\/title>/.exec(stdout)?.[1] ?? '800'));
  const file = join(ARTIFACTS, `${name}.png`);
  await run(chromium, [...flags, `--window-size=${width + 16},${Math.max(height, 100)}`, `--screenshot=${file}`, `file://${html}`]);
  return { file, height };
}
