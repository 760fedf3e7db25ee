// Hostile words that are names of every JavaScript object's members (`constructor`, `__proto__`, `toString`): typed as
// an option value, a field, an obligation or a sub-command, each must be refused (or taken) in words, never reach a
// lookup table as a key it "has" and then fail deeper with a library's error.
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../commands/fields.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const RAW = /Invalid (input|option|string|value|type|union|key|element)|expected .* received|ZodError|TypeError|ReferenceError|\[object Object\]|\bNaN\b|\bundefined\b|failed unexpectedly|function Object|native code/;
const WORDS = ['constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'CONSTRUCTOR'];

function inputs(): string[] {
  const out: string[] = [];
  for (const spec of createCommandRegistry().commands) {
    const n = spec.name;
    for (const w of WORDS) {
      out.push(`${n} ${w}`, `${n} BR-1 ${w}`, `${n} BR-1 ${w} ${w}`);
      for (const [option, o] of Object.entries(spec.options ?? {})) if (o.type === 'string') out.push(`${n} BR-1 --${option} ${w}`);
    }
  }
  // Complete commands where only one word is hostile.
  for (const w of WORDS) {
    out.push(`delay BR-1 --written --agency DOJ --official AG --sec ${w} --until 2025-03-20`);
    out.push(`set BR-1 ${w} 5`, `set BR-1 affected.${w} 5`, `set BR-1 status ${w}`, `set BR-1 organization.role ${w}`);
    out.push(`done BR-1 ${w}`, `snooze BR-1 ${w} --for 1d --reason x`, `deadlines BR-1 --only ${w}`, `draft BR-1 ${w}`, `help ${w}`, `lang ${w}`);
  }
  for (const f of FIELDS) for (const w of WORDS) out.push(`set BR-1 ${f.path.replace('<JUR>', 'US-TX')} ${w}`);
  return out;
}

describe('object member names typed as words', () => {
  it('are answered in words, with nothing logged as a failure and nothing changed', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', { ...usHospitalFacts(), organization: { ...usHospitalFacts().organization, secRegistrant: true } })]);
    const before = await t.store.get('BR-1');
    const problems: string[] = [];
    for (const text of inputs()) {
      const reply = await t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'terminal' });
      if (RAW.test(reply.text)) problems.push(`${text}\n    → ${reply.text.split('\n')[0]}`);
    }
    expect(problems).toEqual([]);
    expect(t.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    const after = (await t.store.get('BR-1'))!;
    expect(after.lawEnforcementDelays).toEqual(before!.lawEnforcementDelays);
    expect(after.notices).toEqual(before!.notices);
  });
});
