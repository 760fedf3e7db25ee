// What people read: the reminder message, the `summary` reply, countdown wording.
import { describe, expect, it } from 'vitest';
import { countdown } from '../../bot/deadlines/present.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { makeIncident } from '../helpers/incidents.ts';
import { channel, createWorld, HIPAA, say, smallUsIncident } from './helpers.ts';

describe('reminder message', () => {
  it('carries the obligation, recipient, due time in the org zone, countdown, citation, verification, basis and actions', async () => {
    const world = createWorld('2025-04-07T14:00:00Z', [smallUsIncident()]);
    await world.tickAt('2025-04-07T14:00:00Z');
    const { reply } = world.postsFor(HIPAA)[0]!;
    expect(reply.visibility).toBe('channel');
    expect(reply.text.split('\n').slice(0, 7)).toEqual([
      'Deadline reminder · BR-1 · each affected individual (next of kin or personal representative if the individual is deceased): Legacy EHR vendor breach',
      '  Notify: each affected individual (next of kin or personal representative if the individual is deceased)',
      '  Due: 2025-04-21 23:59 CDT',
      // 04-07 14:00Z → 04-22 04:59:59.999Z.
      '  Countdown: in 14 days 14 hours',
      '  Citation: 45 CFR 164.404 (HIPAA Breach Notification Rule)',
      '  Verification: verified against the primary legal text',
      '  Basis: 60 calendar days after discovery on 2025-02-20',
    ]);
    expect(reply.card?.buttons).toEqual([
      { label: 'Mark done', command: 'done BR-1 US-HIPAA-164.404-INDIVIDUALS', style: 'primary' },
      { label: 'Snooze 1 day', command: 'snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d', needsReason: true },
      { label: 'Details', command: 'deadlines BR-1 --only US-HIPAA-164.404-INDIVIDUALS' },
      { label: 'Acknowledge', command: 'ack BR-1 US-HIPAA-164.404-INDIVIDUALS' },
    ]);
    // No internal step token reaches people: the step reads as words.
    expect(reply.card?.footer).toMatch(/^(\d+ days? )?before the deadline|^morning of the due day|days before the deadline/);
    expect(reply.text).not.toMatch(/before:P|PT\d+H/);
    // A click on Snooze is the button's command plus the reason the platform asked for.
    const click = await say(world, `${reply.card!.buttons![1]!.command} --reason "mailing vendor confirms Friday"`);
    expect(click.outcome).toBe('ok');
  });

  it('offers no snooze on an overdue reminder (a snooze may not pass the deadline)', async () => {
    const world = createWorld('2025-04-22T14:00:00Z', [smallUsIncident()]);
    await world.tickAt('2025-04-22T14:00:00Z');
    const { reply } = world.postsFor(HIPAA)[0]!;
    expect(reply.card?.title).toBe('OVERDUE · BR-1 · each affected individual (next of kin or personal representative if the individual is deceased)');
    expect(reply.text).toContain('Countdown: overdue by 9 hours');
    expect(reply.card?.buttons?.map((b) => b.label)).toEqual(['Mark done', 'Details', 'Acknowledge']);
  });

  it.each([
    [Date.parse('2025-04-22T04:59:59.999Z'), Date.parse('2025-04-07T14:00:00Z'), 'in 14 days 14 hours'],
    [Date.parse('2025-03-04T09:00:00Z'), Date.parse('2025-03-04T08:15:00Z'), 'in 45 minutes'],
    [Date.parse('2025-03-04T09:00:00Z'), Date.parse('2025-03-04T06:30:00Z'), 'in 2 hours 30 minutes'],
    [Date.parse('2025-03-04T09:00:00Z'), Date.parse('2025-03-05T10:00:00Z'), 'overdue by 1 day 1 hour'],
  ])('countdown(%s, %s) = %s', (due, now, text) => {
    expect(countdown(due, now, 'words')).toBe(text);
  });
});

describe('summary <id>', () => {
  it('posts status, key facts, overdue items, the next deadlines and the recent timeline to the channel', async () => {
    const world = createWorld('2025-04-23T11:00:00Z', [smallUsIncident()]);
    await say(world, 'log BR-1 Mailing vendor booked');
    world.clock.set('2025-04-23T12:00:00Z');
    const reply = await say(world, 'summary br-1');
    expect(reply).toMatchObject({ outcome: 'ok', visibility: 'channel', card: { title: 'Summary · BR-1 · Legacy EHR vendor breach' } });
    expect(reply.text).toContain('  Status: triage');
    expect(reply.text).toContain('  Discovered: 2025-02-20 09:00 CST');
    // 04-23 12:00Z is 1 day 7 hours after 04-22 04:59:59.999Z.
    expect(reply.text).toMatch(/Overdue \(1\):\n {2}each affected individual .*: due 2025-04-21 23:59 CDT \(overdue by 1 day 7 hours\) · 45 CFR 164\.404\n/);
    expect(reply.text).toMatch(/Next deadlines \(soonest 5 not done\):\n {2}HHS Secretary .*: due 2026-03-01 23:59 CST/);
    expect(reply.text).toMatch(/Recent timeline \(1 entry\):\n {2}2025-04-23 06:00 CDT · Sam \(slack\) · Mailing vendor booked/);
    expect(reply.data).toMatchObject({ id: 'BR-1', overdue: [{ obligation: HIPAA }], next: [{ obligation: 'US-HIPAA-164.408-HHS-LT500' }] });
  });

  it('refuses an unknown incident', async () => {
    const world = createWorld('2025-04-23T12:00:00Z', [smallUsIncident()]);
    expect(await say(world, 'summary BR-9')).toMatchObject({ outcome: 'refused' });
  });
});

describe('reminder message for a French organization', () => {
  // Discovered (and known: awareness) 2025-04-14 09:00 Paris (CEST, UTC+2); the CNIL's 72 hours end 17/04/2025 09:00 CEST.
  const french = () => ({ ...makeIncident('BR-1', { ...frenchHospitalFacts(), discoveredAt: '2025-04-14T09:00:00+02:00' }), channels: [channel('slack', 'C1')] });

  it('reads French throughout: headings, recipient, basis and instants from the rule data in French', async () => {
    const world = createWorld('2025-04-15T07:00:00Z', [french()]);
    await world.tickAt('2025-04-15T07:00:00Z');
    const cnil = world.postsFor('FR-CNIL-GDPR-33')[0]!.reply;
    expect(cnil.card?.title).toBe('Rappel d’échéance · BR-1 · CNIL (téléservice de notification de violation)');
    // French sets a no-break space before the colon.
    expect(cnil.text).toContain('  Échéance\u00a0: 17/04/2025 09:00 CEST');
    const basis = cnil.text.split('\n').find((l) => l.startsWith('  Fondement\u00a0: '))!;
    expect(basis).toContain('72 heures après');
    expect(basis).toContain('14/04/2025 09:00 CEST');
    expect(basis).not.toMatch(/hours after|continuous hours|weekends/);
    // The health-agency notice ("sans délai", due by the end of 14/04): its recipient in French, not the rule file's English.
    const ssi = world.postsFor('FR-CSP-L1111-8-2-SSI')[0]!.reply;
    expect(ssi.card?.title).toMatch(/^EN RETARD · BR-1 · /);
    expect(ssi.text).not.toContain('via the portail');
  });
});
