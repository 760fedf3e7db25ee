// A one-shot command loads only what it needs: no chat SDK, no pretty logger, no holiday calendars for a calendar-day
// answer. The CLI runs as one bundle (scripts/ensure-build.mjs): what is inside it is read from esbuild's metafile, and
// what a run loads beside it (the packages left out of the bundle) from a module probe.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const BUNDLE_META = join(import.meta.dirname, '..', '..', 'dist', 'app', 'bundle', 'cli.meta.json');
const PROBE = join(import.meta.dirname, 'fixtures', 'module-probe.mjs');
const NOW = '2025-03-01T12:00:00Z';

/** Run the CLI with the module probe; returns its exit code, stdout and the modules it loaded. */
function probe(dir: string, args: string[]) {
  const out = join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(out, '');
  const r = spawnSync(process.execPath, ['--import', PROBE, BIN, ...args], {
    encoding: 'utf8', cwd: dir, timeout: 20_000,
    env: { PATH: process.env.PATH, HOME: dir, USER: 'cli-user', BREACHDESK_PROBE_OUT: out },
  });
  return { code: r.status, stdout: r.stdout, modules: readFileSync(out, 'utf8').split('\n').filter(Boolean) };
}

const loaded = (modules: string[], pkg: string) => modules.some((m) => m.includes(`/node_modules/${pkg}/`));

describe('one-shot CLI loading', () => {
  it('deadlines on a calendar-day incident loads no Slack, Teams, Express, pino-pretty or date-holidays', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-lazy-'));
    const data = join(dir, 'store.json');
    // HIPAA and Indiana/Texas count calendar days: no business-day clock is computed.
    const file = join(dir, 'incident.json');
    writeFileSync(file, JSON.stringify({
      title: 'Vendor breach', discoveredAt: '2025-02-20T09:00:00-06:00', phiInvolved: true, dataEncrypted: false,
      organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
      affected: { total: 900, byJurisdiction: { 'US-IN': 600, 'US-TX': 300 } },
    }));
    expect(probe(dir, ['--data', data, '--now', NOW, 'import', file]).code).toBe(0);
    const r = probe(dir, ['--data', data, '--now', NOW, 'deadlines', 'BR-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('US-HIPAA-164.404-INDIVIDUALS');
    for (const pkg of ['pino-pretty', 'pino', 'date-holidays', 'pdfkit', 'pg']) {
      expect({ pkg, loaded: loaded(r.modules, pkg) }).toEqual({ pkg, loaded: false });
    }
    // The probe does see a package loaded beside the bundle: a PDF export brings in pdfkit.
    const pdf = probe(dir, ['--data', data, '--now', NOW, 'export', 'BR-1', '--format', 'pdf', '--out', join(dir, 'r.pdf')]);
    expect(pdf.code).toBe(0);
    expect(loaded(pdf.modules, 'pdfkit')).toBe(true);
  });

  it('the CLI bundle holds the core and no chat SDK, web server or logger', () => {
    const meta = JSON.parse(readFileSync(BUNDLE_META, 'utf8')) as { inputs: Record<string, unknown> };
    const inputs = Object.keys(meta.inputs);
    const bundled = (pkg: string) => inputs.some((m) => m.includes(`node_modules/${pkg}/`));
    // ESM (zod) and CommonJS (fastest-levenshtein) packages are listed, and the CLI's own code, so an absence is real.
    expect([bundled('zod'), bundled('fastest-levenshtein'), inputs.some((m) => m.endsWith('adapters/cli/main.js'))]).toEqual([true, true, true]);
    for (const pkg of ['@slack/bolt', '@slack/web-api', 'botbuilder', 'express', 'pino-pretty', 'pino', 'date-holidays', 'pdfkit']) {
      expect({ pkg, bundled: bundled(pkg) }).toEqual({ pkg, bundled: false });
    }
  });
});
