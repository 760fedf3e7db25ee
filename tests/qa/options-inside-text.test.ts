// A command must do what its text visibly says. An option given twice (often the tail of an unclosed quote:
// `--for 1d --reason "vendor call --for 30d`) was silently taken at its last value, and `--json` inside a note was
// dropped from the note it sat in (the note stored without it) and turned the answer into JSON.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const OBLIGATION = 'US-HIPAA-164.404-INDIVIDUALS';

function bot() {
  const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
  const say = (text: string, lang?: string) => t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack', ...(lang ? { locale: lang } : {}) });
  return { t, say };
}

describe('an option given twice', () => {
  it.each([
    [`snooze BR-1 ${OBLIGATION} --for 1d --for 30d --reason x`, '--for'],
    ['delay BR-1 --written --agency FBI --official "SA Doe" --until 2025-03-10 --until 2025-04-30', '--until'],
    ['delay BR-1 --oral --oral --agency FBI --official "SA Doe"', '--oral'],
  ])('%s is refused, naming %s, and nothing is recorded', async (text, option) => {
    const { t, say } = bot();
    const before = JSON.stringify(await t.store.get('BR-1'));
    const reply = await say(text);
    expect(reply.outcome).toBe('usage');
    expect(reply.text.split('\n')[0]).toBe(`${option} is given twice; give it once.`);
    expect(JSON.stringify(await t.store.get('BR-1'))).toBe(before);
  });
});

describe('--json inside the text of a note', () => {
  it('is refused with what to do, and nothing is recorded', async () => {
    const { t, say } = bot();
    const before = (await t.store.get('BR-1'))!.timeline.length;
    const reply = await say('log BR-1 the vendor said --json is fine');
    expect(reply.outcome).toBe('usage');
    expect(reply.text.split('\n')[0]).toBe('--json sits inside the text: to keep it as text, quote the text ("…"); for a JSON answer, put --json at the end.');
    expect((await t.store.get('BR-1'))!.timeline.length).toBe(before);
  });

  it('still gives a JSON answer at the end, and a quoted note keeps it as text', async () => {
    const { t, say } = bot();
    expect((await say('log BR-1 the vendor called --json')).text).toMatch(/^\{/);
    expect((await say('log BR-1 "the vendor said --json is fine"')).outcome).toBe('ok');
    expect((await t.store.get('BR-1'))!.timeline.slice(-2).map((e) => e.text)).toEqual(['the vendor called', 'the vendor said --json is fine']);
  });
});

describe('an option after a double quote left open', () => {
  it.each([
    [`snooze BR-1 ${OBLIGATION} --for 1d --reason "vendor call --until 2025-03-20`, '--until'],
    [`snooze BR-1 ${OBLIGATION} --for 1d --reason "vendor call --for 30d`, '--for'],
    [`snooze BR-1 ${OBLIGATION} --for 1d --reason “vendor call —until 2025-03-20`, '--until'],
    ['log BR-1 see "report --json', '--json'],
  ])('%s is refused, naming %s, and nothing is recorded', async (text, option) => {
    const { t, say } = bot();
    const before = JSON.stringify(await t.store.get('BR-1'));
    const reply = await say(text);
    expect(reply.outcome).toBe('usage');
    expect(reply.text.split('\n')[0]).toBe(`A quote opened before ${option} is never closed: close it, so the text ends where you meant and ${option} is read as an option, or leave the quote out.`);
    expect(JSON.stringify(await t.store.get('BR-1'))).toBe(before);
  });

  it('leaves an open quote without an option after it, and an apostrophe, as typed', async () => {
    const { t, say } = bot();
    expect((await say('log BR-1 the 5" drive and "the rest')).outcome).toBe('ok');
    expect((await say("log BR-1 'tis done --json")).text).toMatch(/^\{/);
    expect((await t.store.get('BR-1'))!.timeline.slice(-2).map((e) => e.text)).toEqual(['the 5" drive and "the rest', "'tis done"]);
  });
});

describe('pasted JSON', () => {
  it('is not read as words: an escaped quote before "--" in a note does not refuse verify-export', async () => {
    const { say } = bot();
    expect((await say('log BR-1 said \\"stop\\" --then left')).outcome).toBe('usage');
    expect((await say('log BR-1 "said \\"stop --then left"')).outcome).toBe('usage');
    const doc = JSON.parse(Buffer.from((await say('export BR-1 --format json')).file!.content).toString('utf8'));
    doc.title = 'He said "stop --now" twice';
    const check = await say(`verify-export ${JSON.stringify(doc)}`);
    expect(check.text).not.toMatch(/never closed/);
    expect(check.text).toMatch(/^Signature: .*\nChain: /);
  });
});
