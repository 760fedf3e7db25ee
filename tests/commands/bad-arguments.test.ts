// Every command, fed bad arguments: each answer is a plain sentence (with the usage for a usage error), never a library's
// validation text, a stack trace or an unexpected failure; and nothing is changed.
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../commands/fields.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

// What zod, parseArgs and JavaScript say when they are let through.
const RAW = /Invalid (input|option|string|value|type|union|key|element)|expected .* received|Too (small|big):|ZodError|argument is ambiguous|To specify an option argument|TypeError|ReferenceError|\bat \S+\.ts:\d+|\[object Object\]|\bNaN\b|\bundefined\b|failed unexpectedly/;

function badInputs(): string[] {
  const registry = createCommandRegistry();
  const inputs: string[] = [];
  for (const spec of registry.commands) {
    const n = spec.name;
    inputs.push(`${n} --bogus`, `${n} BR-1 --bogus value`, `${n} not-an-id`, `${n} BR-1 x y z --also`, `${n} BR-99999`, `${n} ${'9'.repeat(25)}`, `${n} BR-${'1'.repeat(400)}`);
    for (const [option, o] of Object.entries(spec.options ?? {})) {
      if (o.type === 'boolean') {
        inputs.push(`${n} BR-1 --${option}=maybe`);
        continue;
      }
      for (const value of ['-5', '1e9', '"   "', 'lots', '2,5', '31/02/2025', '"2030-01-01 09:00"']) inputs.push(`${n} BR-1 --${option} ${value}`);
      inputs.push(`${n} BR-1 --${option}`);
    }
  }
  for (const f of FIELDS) {
    const field = f.path.replace('<JUR>', 'US-TX');
    for (const value of ['-5', '1e9', 'lots', '"   "', 'maybe', '2030-13-45']) inputs.push(`set BR-1 ${field} ${value}`);
  }
  return inputs;
}

describe('bad arguments get plain sentences', () => {
  it('answers every command with bad arguments in words, with the usage, changing nothing', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const before = JSON.stringify(await t.store.get('BR-1'));
    const problems: string[] = [];
    for (const text of badInputs()) {
      // `new` and `import` may legitimately create an incident from odd but valid words; they are checked for wording only.
      const reply = await t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'terminal' });
      if (RAW.test(reply.text)) problems.push(`${text}\n    → ${reply.text.split('\n')[0]}`);
      if (reply.outcome === 'usage' && !/\nUsage: /.test(reply.text)) problems.push(`${text}\n    → usage error without the usage: ${reply.text}`);
    }
    expect(problems).toEqual([]);
    expect(t.logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    const after = (await t.store.get('BR-1'))!;
    // Bad `set`/`done`/`snooze` never changed the incident (a `log` or `new` with odd words may add entries elsewhere).
    expect(after.notices).toEqual(JSON.parse(before).notices);
    expect(after.affected).toEqual(JSON.parse(before).affected);
  });
});

describe('incident ids as typed', () => {
  it('keeps a long number as typed (never 1e+20) and refuses one no incident can have, in a sentence', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-7', usHospitalFacts())]);
    const ask = (text: string) => t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    // 15 digits is still an id (nothing stored under it); 20 digits would lose precision as a JavaScript number.
    expect((await ask('show 123456789012345')).text).toMatch(/^No incident BR-123456789012345\./);
    const huge = await ask('show 99999999999999999999');
    expect(huge.outcome).toBe('usage');
    expect(huge.text).toMatch(/^<id>: expected an incident id like BR-12 \(that number is far too long to be one\)\./);
    expect(huge.text).not.toMatch(/e\+|Infinity/);
    expect((await ask('show BR-007')).text).toMatch(/^BR-7 · /);
  });
});
