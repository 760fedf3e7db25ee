// The command core through bot.handle: parsing, help, usage errors, timeline records.
import { describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../commands/index.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const sam = { id: 'U-SAM', name: 'Sam' };
const slackChannel = { platform: 'slack' as const, id: 'C-INC', name: 'inc-br-1' };

function setup(now = '2025-03-01T12:00:00Z') {
  const t = createTestBot(now, [makeIncident('BR-1', usHospitalFacts())]);
  const say = (text: string, platform: 'slack' | 'terminal' | 'cli' = 'slack') =>
    t.bot.handle({ text, actor: sam, platform, ...(platform === 'cli' ? {} : { channel: platform === 'slack' ? slackChannel : { platform: 'terminal', id: 'terminal' } }) });
  return { ...t, say };
}

describe('help', () => {
  it('lists every registered command with its summary', async () => {
    const { say } = setup();
    const reply = await say('help');
    for (const spec of createCommandRegistry().commands) expect(reply.text).toContain(spec.name);
    expect(reply.visibility).toBe('private');
  });

  it('explains one command with usage and examples, and lists the settable fields for set', async () => {
    const { say } = setup();
    expect((await say('help new')).text).toMatch(/Usage: new <title…>[\s\S]*Examples:/);
    expect((await say('help set')).text).toMatch(/affected\.byJurisdiction\.<JUR>/);
    expect((await say('log --help')).text).toMatch(/^log: /);
  });

  it('suggests the nearest command for a typo', async () => {
    const { say } = setup();
    const reply = await say('shwo BR-1');
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toContain('Did you mean `show`?');
  });
});

describe('usage errors', () => {
  it.each([
    ['show', /Missing incident id/],
    ['show banana', /expected an incident id like BR-12/],
    ['list --colour red', /Unknown option --colour/],
    ['show BR-1 extra', /Unexpected word: extra/],
    ['set BR-1 affected.US-TX lots', /"lots" is not a count: give a whole number/],
    ['set BR-1 favourite-colour blue', /Unknown field "favourite-colour"/],
    ['new', /Missing title/],
    ['new Test --discovered yesterday', /not a date and time/],
  ])('%s → a short message with the usage', async (text, problem) => {
    const { say } = setup();
    const reply = await say(text);
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toMatch(problem);
    expect(reply.text).toMatch(/Usage: /);
    expect(reply.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an unknown incident politely', async () => {
    const { say } = setup();
    const reply = await say('show BR-99');
    expect(reply).toMatchObject({ outcome: 'refused' });
    expect(reply.text).toContain('No incident BR-99');
  });
});

describe('incident commands', () => {
  it('opens an incident with the next id and records who opened it, from where, when', async () => {
    const { say, store } = setup('2025-03-02T08:15:00Z');
    const reply = await say('new “Phishing at the clinic” --discovered "2025-03-01 22:30" --affected 42');
    expect(reply.text).toContain('Opened BR-2');
    const incident = (await store.get('BR-2'))!;
    expect(incident.title).toBe('Phishing at the clinic');
    // 22:30 in America/Chicago (CST, UTC-6) on 2025-03-01.
    expect(incident.discoveredAt).toBe('2025-03-01T22:30:00-06:00');
    expect(incident.affected.total).toBe(42);
    expect(incident.timeline[0]).toMatchObject({ at: '2025-03-02T08:15:00.000Z', actor: { id: 'U-SAM', name: 'Sam', platform: 'slack' }, action: 'incident.opened' });
  });

  it('accepts br-1, BR1 and 1 as BR-1', async () => {
    const { say } = setup();
    for (const id of ['br-1', 'BR1', '1']) expect((await say(`show ${id}`)).text).toContain('BR-1 · Legacy EHR vendor breach');
  });

  it('lists open incidents, hiding closed ones unless --all', async () => {
    const { say } = setup();
    await say('new Second incident');
    await say('set BR-2 status closed');
    expect((await say('list')).text).not.toContain('BR-2');
    expect((await say('list --all')).text).toContain('BR-2');
    expect((await say('list --status closed')).text).toMatch(/^BR-2 /);
  });

  it('set records the old and new value on the timeline', async () => {
    const { say, store } = setup();
    const reply = await say('set BR-1 affected.us-tx 300');
    expect(reply.outcome).toBe('ok');
    const incident = (await store.get('BR-1'))!;
    expect(incident.affected.byJurisdiction['US-TX']).toBe(300);
    expect(incident.timeline.at(-1)).toMatchObject({ action: 'fact.changed', actor: { name: 'Sam', platform: 'slack' }, changes: [{ field: 'affected.byJurisdiction.US-TX', from: null, to: 300 }] });
    await say('set BR-1 discovered 2025-02-21T10:00:00-06:00');
    expect((await store.get('BR-1'))!.timeline.at(-1)!.changes).toEqual([{ field: 'discoveredAt', from: '2025-02-20T09:00:00-06:00', to: '2025-02-21T10:00:00-06:00' }]);
  });

  it('set creates the vendor record when a vendor fact is first given', async () => {
    const { say, store } = setup();
    await say('set BR-1 vendor.notified "2025-03-15 10:00"');
    expect((await store.get('BR-1'))!.vendor).toMatchObject({ notifiedUsAt: '2025-03-15T10:00:00-05:00', role: 'business_associate' });
  });

  it('log appends a note; show displays facts and the recent timeline', async () => {
    const { say } = setup();
    await say('log BR-1 FBI called, case 2025-123');
    const shown = await say('show BR-1');
    expect(shown.text).toContain('FBI called, case 2025-123');
    expect(shown.text).toContain('Sam (slack)');
    expect(shown.card?.fields?.find((f) => f.label === 'Affected')?.value).toBe('1,200 (US-IN 1,200)');
  });
});

describe('link and unlink', () => {
  it('links the asking channel, posts in the channel, and refuses from the one-shot CLI', async () => {
    const { say, store } = setup();
    const linked = await say('link BR-1');
    expect(linked).toMatchObject({ outcome: 'ok', visibility: 'channel' });
    expect((await store.get('BR-1'))!.channels).toMatchObject([{ platform: 'slack', id: 'C-INC', name: 'inc-br-1', linkedBy: 'Sam' }]);
    expect((await say('link BR-1', 'cli')).outcome).toBe('refused');
    await say('unlink BR-1');
    expect((await store.get('BR-1'))!.channels).toEqual([]);
    expect((await say('unlink BR-1')).outcome).toBe('refused');
    expect((await store.get('BR-1'))!.timeline.map((e) => e.action)).toEqual(['channel.linked', 'channel.unlinked']);
  });

  it('linking twice from the same conversation records one link (references compared by value)', async () => {
    const { bot, store } = setup();
    const channel = { platform: 'teams' as const, id: '19:abc@thread.tacv2', reference: { conversation: { id: '19:abc@thread.tacv2' }, serviceUrl: 'https://smba.example/' } };
    for (let i = 0; i < 2; i++) await bot.handle({ text: 'link BR-1', actor: sam, platform: 'teams', channel: { ...channel, reference: structuredClone(channel.reference) } });
    expect((await store.get('BR-1'))!.timeline.filter((e) => e.action === 'channel.linked')).toHaveLength(1);
  });
});

describe('import and export', () => {
  it('exports JSON that imports back as a new incident with the same facts', async () => {
    const { say, store } = setup();
    const exported = await say('export BR-1 --format json');
    // The export is a file (never cut to a chat message's size); its content is the JSON.
    expect(exported.file?.mediaType).toBe('application/json');
    const json = Buffer.from(exported.file!.content).toString('utf8');
    const imported = await say(`import ${json}`);
    expect(imported.text).toContain('Imported as BR-2');
    const [a, b] = [(await store.get('BR-1'))!, (await store.get('BR-2'))!];
    expect(b.organization).toEqual(a.organization);
    expect(b.affected).toEqual(a.affected);
    expect(b.timeline[0]!.text).toMatch(/not carried over: format, formatVersion, exportedAt, exportedBy, id/);
  });

  it('names unknown and missing fields and creates nothing', async () => {
    const { say, store } = setup();
    const body = JSON.stringify({ title: 'x', organization: { name: 'O', role: 'covered_entity', country: 'US', timezone: 'UTC', colour: 'red' }, affected: { total: 1 }, severity: 'high' });
    const reply = await say(`import ${body}`);
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toContain('unknown field: severity');
    expect(reply.text).toContain('organization.colour');
    expect(reply.text).toContain('missing required field: discoveredAt');
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses file paths from chat (files are read only in the terminal)', async () => {
    const { say } = setup();
    expect((await say('import /etc/passwd')).text).toContain('paste the incident JSON');
  });

  it('writes a Markdown record with facts and the timeline', async () => {
    const { say } = setup();
    await say('log BR-1 Board informed');
    const md = Buffer.from((await say('export BR-1 --format md')).file!.content).toString('utf8');
    expect(md).toMatch(/^# BR-1: Legacy EHR vendor breach/);
    expect(md).toMatch(/- \*\*\d+\. .* · Sam \(slack:U-SAM\) · note\*\*\n  - Board informed/);
  });
});
