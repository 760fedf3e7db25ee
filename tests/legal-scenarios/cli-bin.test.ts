// The outside checker's path: the real `breachdesk` bin, `import` then `--json deadlines <id>` with `--now`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usFacts, type Row } from './run-scenario.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
const KEYS = ['obligation', 'rule', 'recipient', 'citation', 'kind', 'dueDate', 'dueAt', 'status', 'verification', 'basis'];

function cli(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 'store.json'), '--now', '2026-03-05T12:00:00Z', ...args], {
    encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir, USER: 'checker' }, timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('legal scenario through the real CLI', () => {
  it('a NJ + Japan breach of name + SSN: NJ State Police before residents, Japan not covered, contract keys kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'legal-cli-'));
    const file = join(dir, 'incident.json');
    writeFileSync(file, JSON.stringify(usFacts({ affected: { total: 1600, byJurisdiction: { 'US-NJ': 1500, JP: 100 } } })));
    expect(cli(dir, ['import', file])).toMatchObject({ code: 0, stdout: 'BR-1\n' });
    const out = cli(dir, ['--json', 'deadlines', 'BR-1']);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.stdout) as Row[];
    for (const r of rows) expect(Object.keys(r).slice(0, 10)).toEqual(KEYS);
    const by = (id: string) => rows.find((r) => r.obligation === id);
    // N.J.S.A. 56:8-163(c)(1): State Police "in advance of the disclosure to the customer": bounded by the HIPAA
    // individual deadline (Mar 2 + 60 = May 1); > 1,000 residents: consumer reporting agencies (56:8-163(f)).
    expect(by('US-NJ-BREACH:state_police')).toMatchObject({ status: 'pending', dueDate: '2026-05-01', citation: 'N.J.S.A. 56:8-163(c)(1)' });
    expect(by('US-NJ-BREACH:consumer_reporting_agencies')).toMatchObject({ status: 'pending' });
    // 1,500 NJ residents > 500: media notice (164.406).
    expect(by('US-HIPAA-164.406-MEDIA:US-NJ')).toMatchObject({ status: 'pending', dueDate: '2026-05-01' });
    expect(by('JP:not_covered')).toMatchObject({ status: 'not_covered', kind: 'none_fixed', dueAt: null });
  });
});
