// verify-export reads a file or pasted JSON of anyone's making. A document nested thousands of levels deep overflowed the
// stack in the canonical JSON of the facts check: "failed unexpectedly" and a RangeError in the log, not a sentence.
import { describe, expect, it } from 'vitest';
import { appendChained } from '../../bot/record/chain.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { createTestBot } from '../helpers/test-bot.ts';

function deepExport(depth: number): string {
  const entry = { at: '2025-03-01T12:00:00.000Z', actor: { id: 'a', name: 'a', platform: 'slack' }, action: 'note', text: 'x', stateDigest: '0'.repeat(64) };
  const incident = appendChained({ id: 'BR-1', timeline: [], accessLog: [] } as unknown as Incident, 'timeline', [entry as never], new Date('2025-03-01T12:00:00Z'));
  return JSON.stringify({ format: 'breachdesk-incident', ...incident }).replace(/}$/, `,"notes":${'['.repeat(depth)}${']'.repeat(depth)}}`);
}

describe('verify-export of a deeply nested document', () => {
  it.each([20_000, 50])('nested %i levels: answered in a sentence, nothing logged as a failure', async (depth) => {
    const t = createTestBot('2025-03-01T12:00:00Z', []);
    const reply = await t.bot.handle({ text: `verify-export ${deepExport(depth)}`, actor: { id: 'U1', name: 'Sam' }, platform: 'terminal' });
    expect(reply.text).not.toMatch(/failed unexpectedly/);
    expect(reply.outcome).toBe('refused');
    expect(reply.text).toMatch(depth > 100 ? /nests values more than 100 levels deep/ : /Facts: CHANGED/);
    expect(t.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});
