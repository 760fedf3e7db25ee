// deadlines / due / done / delay / assess through the registry's dispatch, over an in-memory store and a fixed clock.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { deadlineCommands } from '../../commands/deadline-commands.ts';
import type { CommandContext } from '../../commands/context.ts';
import { createRegistry } from '../../commands/registry.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';
import { createMemoryLogger } from '../helpers/test-bot.ts';

const rules = loadRules();
const registry = createRegistry(deadlineCommands);
const CONTRACT_KEYS = ['obligation', 'rule', 'recipient', 'citation', 'kind', 'dueDate', 'dueAt', 'status', 'verification', 'basis'];

// 2025-03-19 03:00 in Chicago (CDT). BR-1: discovered 2025-02-20 09:00 CST; 1200 US-IN + 300 US-TX residents.
function setup(now = '2025-03-19T08:00:00Z') {
  const br1 = makeIncident('BR-1', usHospitalFacts({ affected: { total: 1500, byJurisdiction: { 'US-IN': 1200, 'US-TX': 300 } } }));
  const br2 = makeIncident('BR-2', usHospitalFacts({ title: 'Lost laptop', discoveredAt: '2025-03-10T09:00:00-05:00', affected: { total: 10, byJurisdiction: { 'US-IN': 10 } } }));
  const closed = makeIncident('BR-3', usHospitalFacts({ title: 'Old one', status: 'closed', affected: { total: 5000, byJurisdiction: { 'US-TX': 5000 } } }));
  const store = createMemoryStore([br1, br2, closed]);
  const clock = createManualClock(now);
  const ctx: CommandContext = {
    store, clock, rules, logger: createMemoryLogger(),
    config: { defaultTimezone: 'America/Chicago', admins: ['slack:U-SAM'], openers: [] },
    actor: { id: 'U-SAM', name: 'Sam', platform: 'slack' },
  };
  const say = (text: string) => registry.dispatch({ text }, ctx);
  return { store, clock, say };
}

describe('deadlines <id>', () => {
  it('groups notices by due day, one line each (status, recipient, time, countdown, badge); shared caveats once as notes', async () => {
    const { say } = setup();
    const reply = await say('deadlines BR-1');
    expect(reply.outcome).toBe('ok');
    const lines = reply.text.split('\n');
    // TX AG: Feb 20 + 30 = 2025-03-22, end of day CDT = 03-23 04:59:59.999Z; from 03-19 08:00Z that is 3 d 20 h 59 m.
    const day = lines.findIndex((l) => l.startsWith('Sat, Mar 22, 2025'));
    expect(day).toBeGreaterThan(0);
    expect(lines[day + 1]).toMatch(/^ {2}🟠 due soon · Texas Attorney General \(electronic form\) · in 3d 20h · ✅ {2}\[US-TX-BREACH:attorney_general\]( \(notes [\d, ]+\))?$/);
    // HIPAA individuals: Feb 20 + 60 = 2025-04-21 (end of day, Chicago).
    expect(reply.text).toMatch(/Mon, Apr 21, 2025\n(.*\n)*  🔵 pending · each affected individual · in 33d 20h · ✅/);
    expect(reply.text.indexOf('US-TX-BREACH:attorney_general')).toBeLessThan(reply.text.indexOf('US-HIPAA-164.404-INDIVIDUALS'));
    // A caveat several notices share is printed once, in the notes.
    const notes = reply.text.slice(reply.text.indexOf('Notes that apply to several notices'));
    expect(notes).toMatch(/\[1\] /);
    for (const note of reply.card!.footnotes!) expect(reply.text.split(note).length - 1).toBe(1);
    expect(reply.text).not.toContain('basis:');
  });

  it('puts Mark done / Snooze on the next notices only, and a details command on every line', async () => {
    const { say } = setup();
    const card = (await say('deadlines BR-1')).card!;
    const withButtons = card.list!.flatMap((g) => g.items).filter((i) => i.buttons?.length);
    expect(withButtons).toHaveLength(3);
    expect(withButtons[0]!.text).toContain('Texas Attorney General');
    expect(withButtons[0]!.buttons).toEqual([
      { label: 'Mark done', command: 'done BR-1 US-TX-BREACH:attorney_general', style: 'primary' },
      { label: 'Snooze 1 day', command: 'snooze BR-1 US-TX-BREACH:attorney_general --for 1d', needsReason: true },
    ]);
    const items = card.list!.flatMap((g) => g.items);
    const data = (await say('deadlines BR-1 --json')).text;
    expect(items).toHaveLength((JSON.parse(data) as unknown[]).length);
    for (const item of items) expect(item.detailsCommand).toMatch(/^deadlines BR-1 --only \S+$/);
    const details = await say(items[0]!.detailsCommand!);
    expect(details.text).toContain('Basis:');
    expect(details.text).toContain('Tex. Bus. & Com. Code 521.053');
  });

  it('--json prints the contract array, keys in contract order, soonest first', async () => {
    const { say } = setup();
    const reply = await say('deadlines BR-1 --json');
    const rows = JSON.parse(reply.text) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(Object.keys(row).filter((k) => k !== 'filing' && k !== 'contractual')).toEqual(CONTRACT_KEYS);
    expect(rows[0]).toMatchObject({ obligation: 'US-TX-BREACH:attorney_general', dueDate: '2025-03-22', dueAt: '2025-03-22T23:59:59.999-05:00', status: 'due_soon' });
  });

  it('--only takes an id in any case, a prefix or plain words; a miss suggests this incident\'s own notices', async () => {
    const { say } = setup();
    const one = await say('deadlines br-1 --only us-tx-breach:attorney_general --json');
    expect(JSON.parse(one.text)).toHaveLength(1);
    expect(JSON.parse((await say('deadlines BR-1 --only "hipaa individuals" --json')).text)[0].obligation).toBe('US-HIPAA-164.404-INDIVIDUALS');
    expect(JSON.parse((await say('deadlines BR-1 texas attorney --json')).text)[0].obligation).toBe('US-TX-BREACH:attorney_general');
    const wrong = await say('deadlines BR-1 --only "florida governor"');
    expect(wrong.outcome).toBe('usage');
    expect(wrong.text).toMatch(/BR-1 has no notice matching "florida governor"\. Did you mean: /);
    expect(wrong.text).not.toMatch(/US-IL|US-FL/);
  });

  it('refuses an unknown incident', async () => {
    const { say } = setup();
    expect(await say('deadlines BR-99')).toMatchObject({ outcome: 'refused' });
  });
});

describe('due', () => {
  it('lists open incidents’ notices due within the window, overdue included, closed incidents skipped', async () => {
    const { say } = setup();
    const reply = await say('due --json');
    const rows = JSON.parse(reply.text) as { incident: string; obligation: string }[];
    // Within 7 days of 03-19: only BR-1's TX AG (03-22). BR-2's clocks run to April and later; BR-3 is closed.
    expect(rows.map((r) => `${r.incident} ${r.obligation}`)).toEqual(['BR-1 US-TX-BREACH:attorney_general']);
    // 6 weeks reach 2025-04-30: BR-2's Indiana notice (2025-03-10 + 45 = 2025-04-24) comes in.
    const wide = JSON.parse((await say('due --within 6w --json')).text) as { incident: string; obligation: string }[];
    expect(wide).toContainEqual(expect.objectContaining({ incident: 'BR-2', obligation: 'US-IN-BREACH:individuals' }));
    expect(wide.some((r) => r.incident === 'BR-3')).toBe(false);
    expect((await say('due')).text).toMatch(/^Due within 7 days across 2 open incidents/);
  });

  it('rejects a period it cannot read', async () => {
    const { say } = setup();
    const reply = await say('due --within soon');
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toMatch(/7d, 48h or 2w/);
  });
});

describe('done', () => {
  it('records the notice (default now, in the incident zone) and a timeline entry; the obligation turns done', async () => {
    const { say, store } = setup();
    const reply = await say('done BR-1 US-TX-BREACH:attorney_general --note "AG portal ref 123"');
    expect(reply.outcome).toBe('ok');
    const incident = (await store.get('BR-1'))!;
    // 2025-03-19T08:00Z = 03:00 CDT.
    expect(incident.notices).toEqual([{ obligation: 'US-TX-BREACH:attorney_general', sentAt: '2025-03-19T03:00:00-05:00', note: 'AG portal ref 123' }]);
    expect(incident.timeline.at(-1)).toMatchObject({ action: 'notice.sent', actor: { name: 'Sam', platform: 'slack' } });
    expect(incident.timeline.at(-1)!.text).toContain('Texas Attorney General');
    const rows = JSON.parse((await say('deadlines BR-1 --only US-TX-BREACH:attorney_general --json')).text);
    expect(rows[0].status).toBe('done');
    expect((await say('done BR-1 US-TX-BREACH:attorney_general')).outcome).toBe('refused');
  });

  it('takes --at as local time, refuses a future time and an unknown obligation', async () => {
    const { say, store } = setup();
    expect((await say('done BR-1 US-IN-BREACH:individuals --at "2025-03-10 14:00"')).outcome).toBe('ok');
    expect((await store.get('BR-1'))!.notices[0]!.sentAt).toBe('2025-03-10T14:00:00-05:00');
    expect((await say('done BR-1 US-HIPAA-164.404-INDIVIDUALS --at 2025-04-01T10:00:00-05:00')).text).toMatch(/in the future/);
    expect((await say('done BR-1 US-XX-BREACH')).outcome).toBe('usage');
  });
});

describe('delay', () => {
  it('records an oral statement; HIPAA notices are tolled, other clocks are said to keep running', async () => {
    const { say, store } = setup();
    const reply = await say('delay BR-1 --oral --agency FBI --official "SA Jane Doe" --at "2025-03-18 15:00"');
    expect(reply.outcome).toBe('ok');
    // Oral 2025-03-18: at most 30 days → until the end of 2025-04-17.
    expect(reply.text).toMatch(/Tolled until 2025-04-17 23:59 CDT: .*US-HIPAA-164\.404-INDIVIDUALS/);
    // State clocks are delayed only where their statute allows it (December 2026 update); the others keep running.
    expect(reply.text).toMatch(/state clocks without a delay clause keep running/);
    const incident = (await store.get('BR-1'))!;
    expect(incident.lawEnforcementDelays).toEqual([{ form: 'oral', agency: 'FBI', official: 'SA Jane Doe', statedAt: '2025-03-18T15:00:00-05:00', until: null }]);
    expect(incident.timeline.at(-1)!.action).toBe('delay.recorded');
  });

  it.each([
    ['delay BR-1 --agency FBI --official Doe', /--oral or --written/],
    ['delay BR-1 --oral --written --agency FBI --official Doe', /--oral or --written/],
    ['delay BR-1 --oral --agency FBI --official Doe --until 2025-05-01', /at most 30 days/],
    ['delay BR-1 --written --agency FBI', /Missing --official/],
  ])('%s → usage', async (text, problem) => {
    const { say } = setup();
    const reply = await say(text);
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toMatch(problem);
  });
});

describe('assess', () => {
  const cmd = 'assess BR-1 --nature "names, MRNs" --person "another covered entity" --acquired "not opened" --mitigation "deletion attested"';

  it('records the four factors with decidedBy = the asker; low makes HIPAA notices not applicable', async () => {
    const { say, store } = setup();
    const reply = await say(`${cmd} --conclusion low`);
    expect(reply.outcome).toBe('ok');
    const incident = (await store.get('BR-1'))!;
    expect(incident.riskAssessments[0]).toMatchObject({ conclusion: 'low_probability', decidedBy: 'Sam', decidedAt: '2025-03-19T08:00:00.000Z' });
    expect(incident.timeline.at(-1)!.action).toBe('risk.assessed');
    const hipaa = JSON.parse((await say('deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS --json')).text);
    expect(hipaa[0].status).toBe('not_applicable');
    // The Texas clock is a state law: unchanged by the HIPAA assessment.
    expect(JSON.parse((await say('deadlines BR-1 --only US-TX-BREACH:attorney_general --json')).text)[0].status).toBe('due_soon');
  });

  it('needs every factor and a known conclusion', async () => {
    const { say } = setup();
    expect((await say(`${cmd} --conclusion maybe`)).text).toMatch(/conclusion must be low or breach/);
    expect((await say('assess BR-1 --nature x --conclusion low')).text).toMatch(/Missing --person/);
  });
});
