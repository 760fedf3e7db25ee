// Outside tester: a newcomer's `npm start` (the compiled bot, no chat credentials, a fresh home): the first screen is
// the welcome and the demo incidents, counts written as people read them, and no reminder, escalation or digest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What `npm start` runs after its build check.
const MAIN = join(import.meta.dirname, '..', '..', 'bin', 'bot.js');

describe('the first screen of npm start', () => {
  it('is the welcome and the two demo incidents, before anything is typed', { timeout: 60_000 }, () => {
    const home = mkdtempSync(join(tmpdir(), 'qa-first-'));
    // Nothing typed: stdin closes at once, so stdout is exactly what the first screen showed.
    const run = spawnSync(process.execPath, [MAIN], { cwd: home, input: '', encoding: 'utf8', timeout: 50_000, env: { PATH: process.env.PATH, HOME: home } });
    expect(run.status).toBe(0);
    const screen = run.stdout;
    expect(screen).toMatch(/^breachdesk: incident facts/);
    expect(screen).toContain('created with two demo incidents');
    expect(screen).toMatch(/BR-1 {2}\[investigating\] {2}EHR vendor breach.*\(Example Regional Medical Center, 14,200 affected\)/);
    // A French organization's count, French style (no-break space as the thousands separator).
    expect(screen).toMatch(/BR-2 {2}\[triage\] .*\(Groupe hospitalier Exemple, 758\u00a0912 affected\)/);
    expect(screen.indexOf('BR-2')).toBeLessThan(screen.indexOf('Try: help'));
    expect(screen).not.toMatch(/🔔|overdue|not acknowledged|digest/i);
  });
});
