// Logs: every BREACHDESK_LOG_LEVEL works, lines are JSON (or readable in a terminal), secrets and identifiers never appear.
import { describe, expect, it } from 'vitest';
import { createConsoleLogger, LOG_LEVELS } from '../../adapters/logger.ts';

function capture(level: (typeof LOG_LEVELS)[number], format: 'json' | 'pretty' = 'json') {
  const lines: string[] = [];
  const logger = createConsoleLogger(level, (l) => lines.push(l), format);
  return { logger, lines };
}

describe('the logger', () => {
  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at %s writes exactly the levels at or above it', (level, expected) => {
    const { logger, lines } = capture(level);
    for (const l of LOG_LEVELS) logger[l](`a ${l} line`);
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(expected);
  });

  it('writes one JSON object a line with time, level, message and fields', () => {
    const { logger, lines } = capture('info');
    logger.info('scheduler: delivered', { key: 'BR-1|x', attempts: 2 });
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'info', msg: 'scheduler: delivered', key: 'BR-1|x', attempts: 2 });
    expect(line.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('writes readable lines in a terminal', () => {
    const { logger, lines } = capture('info', 'pretty');
    logger.warn('teams: proactive post failed', { conversation: 'a:1' });
    expect(lines[0]).toMatch(/WARN.*teams: proactive post failed/);
    expect(lines[0]).toContain('a:1');
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });

  it('never writes a secret or a patient identifier', () => {
    const { logger, lines } = capture('debug');
    logger.error('request failed: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijk token xoxb-1234-5678-abcdef', {
      signingSecret: 's3cr3t-value', headers: { authorization: 'Basic dXNlcjpwYXNz' },
      note: 'patient 123-45-6789, jane.doe@example.org, NIR 1 85 05 78 006 084 36',
      url: 'postgres://bot:hunter2@db:5432/breachdesk',
    });
    const text = lines.join('\n');
    for (const leaked of ['s3cr3t-value', 'dXNlcjpwYXNz', '123-45-6789', 'jane.doe@example.org', '1 85 05 78 006 084 36', 'hunter2', 'xoxb-1234', 'eyJhbGciOiJIUzI1NiJ9']) {
      expect(text).not.toContain(leaked);
    }
    expect(text).toContain('postgres://bot:[redacted]@db:5432/breachdesk');
  });

  it('masks the identifiers the patient data guard finds (NHS, MRN, phone) and keeps the ids a log needs', () => {
    const { logger, lines } = capture('debug');
    logger.warn('guard bypassed?', { note: 'MRN: 00482913, call Dana at 312-555-0188, NHS 943 476 5919' });
    logger.info('scheduler: delivered', { key: 'BR-12|US-HIPAA-164.404-INDIVIDUALS|2025-04-21T23:59:59.999-05:00|C0INC00001', ts: '1740000000.000100', activity: '1740830400451', mailbox: 'privacy@example-hospital.org' });
    const [warned, info] = lines.map((l) => JSON.parse(l));
    for (const leaked of ['00482913', '312-555-0188', '943 476 5919']) expect(warned.note).not.toContain(leaked);
    expect(warned.note).toBe('MRN: [redacted patient number], call Dana at [redacted phone], NHS [redacted NHS number]');
    // The same judgement as the guard: ids, instants and a role mailbox are not a patient's.
    expect(info).toMatchObject({ key: 'BR-12|US-HIPAA-164.404-INDIVIDUALS|2025-04-21T23:59:59.999-05:00|C0INC00001', ts: '1740000000.000100', activity: '1740830400451', mailbox: 'privacy@example-hospital.org' });
  });
});
