// Every intent that changes an incident yields its timeline entry (who, when, what), through the one path in bot/domain/change.ts.
import { describe, expect, it } from 'vitest';
import { applyChange, SYSTEM_ACTOR } from '../../bot/domain/change.ts';
import { boundSnoozes } from '../../bot/domain/reminders.ts';
import { computeObligations } from '../../bot/deadlines/engine.ts';
import { loadRules } from '../../bot/deadlines/load-rules.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const HIPAA = 'US-HIPAA-164.404-INDIVIDUALS';
const SAM = { id: 'U-SAM', name: 'Sam', platform: 'slack' };
const importJson = JSON.stringify({
  title: 'Imported breach',
  organization: { name: 'Example Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago' },
  discoveredAt: '2025-02-25T09:00:00-06:00',
  affected: { total: 10 },
});

// [intent, command as typed, incident it lands on, expected action, a piece of the recorded text]
const INTENTS: Array<[string, string, string, string, string]> = [
  ['open', 'new Lost laptop --discovered "2025-02-28 10:00"', 'BR-2', 'incident.opened', 'Opened "Lost laptop"'],
  ['import', `import ${importJson}`, 'BR-3', 'incident.imported', 'Imported "Imported breach"'],
  ['set a fact', 'set BR-1 affected.US-TX 300', 'BR-1', 'fact.changed', 'individuals affected in US-TX: (none) → 300'],
  ['set the status', 'set BR-1 status notifying', 'BR-1', 'fact.changed', 'status: triage → notifying'],
  ['log a note', 'log BR-1 FBI field office called', 'BR-1', 'note', 'FBI field office called'],
  ['link', 'link BR-1', 'BR-1', 'channel.linked', 'Linked slack channel C1'],
  ['snooze', `snooze BR-1 ${HIPAA} --for 2d --reason "letters at the mail house"`, 'BR-1', 'reminder.snoozed', 'letters at the mail house'],
  ['ack', `ack BR-1 ${HIPAA}`, 'BR-1', 'reminder.acknowledged', `Acknowledged the reminder for ${HIPAA}`],
  ['delay', 'delay BR-1 --oral --agency FBI --official "SA Jane Doe"', 'BR-1', 'delay.recorded', 'oral statement by SA Jane Doe (FBI)'],
  ['assess', 'assess BR-1 --nature "names" --person "a clinic" --acquired "opened" --mitigation "none" --conclusion breach', 'BR-1', 'risk.assessed', 'presumed breach'],
  ['done', `done BR-1 ${HIPAA} --at "2025-02-28 10:00"`, 'BR-1', 'notice.sent', `Notice sent: ${HIPAA}`],
  ['unlink', 'unlink BR-1', 'BR-1', 'channel.unlinked', 'Unlinked slack channel C1'],
  ['add a team member', 'member add BR-1 slack:U0DANA01', 'BR-1', 'member.added', 'Added slack:U0DANA01 to the response team'],
  ['remove a team member', 'member remove BR-1 slack:U0DANA01', 'BR-1', 'member.removed', 'Removed slack:U0DANA01 from the response team'],
  ['add a task', 'task add BR-1 Call the hospital foundation', 'BR-1', 'task.added', 'Task added: Call the hospital foundation'],
  ['add a contractual clock', 'clock add BR-1 --to "Cyber insurer" --within 48h --from discovery --basis "Policy 7.2"', 'BR-1', 'clock.added', 'Contractual clock CONTRACT-1 added'],
  ['remove a contractual clock', 'clock remove BR-1 CONTRACT-1 --reason "policy does not cover vendors"', 'BR-1', 'clock.removed', 'removed: policy does not cover vendors'],
];

describe('every intent yields its timeline entry', () => {
  const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });

  it.each(INTENTS)('%s', async (_intent, command, id, action, text) => {
    const before = (await t.store.get(id))?.timeline.length ?? 0;
    t.clock.advance(60_000);
    const reply = await say(command);
    expect(reply.outcome, reply.text).toBe('ok');
    const incident = (await t.store.get(id))!;
    expect(incident.timeline).toHaveLength(before + 1);
    const entry = incident.timeline.at(-1)!;
    expect(entry).toMatchObject({ action, actor: SAM, at: t.clock.now().toISOString() });
    expect(entry.text).toContain(text);
  });

  it('a scheduler decision (snooze cut to a deadline moved earlier) is recorded as the system actor', async () => {
    // The snooze above ends 2 days after 12:07Z on 03-01; a deadline moved to 03-02 23:59:59.999 CST must cut it.
    const now = t.clock.now();
    const o = computeObligations((await t.store.get('BR-1'))!, loadRules(), now).find((x) => x.obligation === HIPAA)!;
    const moved = [{ ...o, obligation: HIPAA, status: 'pending' as const, dueAt: '2025-03-02T23:59:59.999-06:00' }];
    const { incident, events } = await applyChange({ store: t.store, actor: SYSTEM_ACTOR, now }, 'BR-1', boundSnoozes(moved, now));
    expect(events.map((e) => e.action)).toEqual(['reminder.snooze_cut']);
    expect(incident.timeline.at(-1)).toMatchObject({ action: 'reminder.snooze_cut', actor: { id: 'system', name: 'breachdesk', platform: 'system' } });
  });

  it('a change that alters nothing records nothing (and writes nothing)', async () => {
    let writes = 0;
    const off = t.store.onChange(() => writes++);
    const before = (await t.store.get('BR-1'))!.timeline.length;
    const reply = await say('set BR-1 affected.US-TX 300');
    off();
    expect(reply.text).toContain('nothing changed');
    expect((await t.store.get('BR-1'))!.timeline).toHaveLength(before);
    expect(writes).toBe(0);
  });
});
