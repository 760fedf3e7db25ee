// Outside tester: dates that do not exist (2025-02-30) were accepted with an offset and silently rolled over by
// Date.parse: the record said February 30 and the clocks counted from March 2. Refused now, everywhere, in words.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const SAM = { id: 'U0SAM00001', name: 'Sam' };
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');

describe('dates that do not exist', () => {
  it.each([
    ['set BR-1 discovered 2025-02-30T09:00-06:00', '"2025-02-30T09:00-06:00" is not a real date: 2025-02 has no day 30.'],
    ['set BR-1 discovered 2025-04-31T09:00Z', '"2025-04-31T09:00Z" is not a real date: 2025-04 has no day 31.'],
    ['set BR-1 discovered 2025-02-29T09:00Z', '"2025-02-29T09:00Z" is not a real date: 2025-02 has no day 29.'],
    ['done BR-1 US-HIPAA-164.404-INDIVIDUALS --at 2025-02-30T09:00Z', '2025-02 has no day 30'],
  ])('refuses `%s` and changes nothing', async (text, message) => {
    const t = createTestBot('2025-03-05T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    // Unchanged but for the access log, where the refusal is recorded (tests/qa/refused-change-logged.test.ts).
    const before = withoutAccessLog(JSON.stringify(await t.store.list()));
    const reply = await t.bot.handle({ text, actor: SAM, platform: 'slack' });
    expect(reply.outcome).not.toBe('ok');
    expect(reply.text).toContain(message);
    expect(withoutAccessLog(JSON.stringify(await t.store.list()))).toEqual(before);
  });

  it('still accepts a real leap day', async () => {
    const t = createTestBot('2025-03-05T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const reply = await t.bot.handle({ text: 'set BR-1 discovered 2024-02-29T09:00-06:00', actor: SAM, platform: 'slack' });
    expect(reply.outcome).toBe('ok');
    expect((await t.store.get('BR-1'))!.discoveredAt).toBe('2024-02-29T09:00-06:00');
  });

  it('refuses an import whose discovery is February 30, creating nothing', async () => {
    const t = createTestBot('2025-03-05T12:00:00Z');
    const json = JSON.stringify({ ...usHospitalFacts(), discoveredAt: '2025-02-30T09:00:00-06:00' });
    const reply = await t.bot.handle({ text: `import ${json}`, actor: SAM, platform: 'slack' });
    expect(reply.outcome).not.toBe('ok');
    expect(reply.text).toContain('2025-02 has no day 30');
    expect(await t.store.ids()).toEqual([]);
  });

  it.each([
    ['2025-02-30T00:00Z', 'is not a real date: 2025-02 has no day 30'],
    ['2025-03-01T12:00', 'with an offset'],
    ['9999-12-31T00:00Z', 'in the year 9999'],
    ['0025-03-01T00:00Z', 'in the year 0025, before 1970'],
  ])('the one-shot CLI refuses --now %s as bad usage (exit 2)', (now, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-now-'));
    const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 's.json'), '--now', now, 'new', 'T'], { encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir }, timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('Usage: breachdesk');
  });
});
