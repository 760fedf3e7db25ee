// A reason typed in a Slack modal or a Teams card is text, whatever it looks like: one that starts with "-" or is
// exactly `--json` / `--help` must be recorded as typed, never read as an option, nor refused with advice to quote it
// (the person typed into a text box; there is nothing to quote).
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { NOW, startHarness as startSlack, type SlackHarness } from '../slack/harness.ts';
import { interactionBody, jsonFixture, postToApp, slashBody } from '../slack/signed-request.ts';
import { startHarness as startTeams, type Harness as TeamsHarness } from '../teams/helpers/teams-harness.ts';

const HIPAA_INDIVIDUALS = 'US-HIPAA-164.404-INDIVIDUALS';
const REASONS = ['--for 30d, legal said so', '--json', '--help', '-5 days late on the print run', '—until the vendor calls back'];

let slack: SlackHarness | undefined;
let teams: TeamsHarness | undefined;
afterEach(async () => {
  await slack?.close();
  await teams?.close();
  slack = teams = undefined;
});

describe('a Slack reason that looks like an option', () => {
  it.each(REASONS)('%j is recorded as typed', async (reason) => {
    slack = await startSlack({ testBot: createTestBot(NOW, [makeIncident('BR-1', usHospitalFacts())]) });
    const h = slack;
    const answer = await postToApp(h.eventsUrl, slashBody('deadlines BR-1', h.fake.responseUrl()));
    const buttons = (answer.json!.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).filter((b) => b.type === 'actions').flatMap((b) => b.elements!);
    const snooze = buttons.find((b) => b.value.startsWith(`snooze BR-1 ${HIPAA_INDIVIDUALS}`))!;
    await postToApp(h.eventsUrl, interactionBody(jsonFixture('block-actions.json', { RESPONSE_URL: h.fake.responseUrl(), COMMAND: snooze.value, ACTION_ID: snooze.action_id })));
    const modal = JSON.parse(String(h.fake.callsOf('views.open')[0]?.body.view));
    await postToApp(h.eventsUrl, interactionBody(jsonFixture('view-submission-reason.json', { METADATA: modal.private_metadata, REASON: reason })));
    const incident = await h.store.get('BR-1');
    expect(incident?.snoozes).toEqual([expect.objectContaining({ obligation: HIPAA_INDIVIDUALS, reason })]);
  });
});

describe('a Teams card reason that looks like an option', () => {
  it.each(REASONS)('%j is recorded as typed', async (reason) => {
    teams = await startTeams();
    const h = teams;
    const value = { breachdesk: `snooze BR-1 ${HIPAA_INDIVIDUALS} --for 1d`, breachdeskReasonInput: 'r1', r1: reason };
    const res = await h.post(h.activity('card-submit', { value }));
    expect(res.status).toBe(200);
    const incident = await h.test.store.get('BR-1');
    expect(incident?.snoozes).toEqual([expect.objectContaining({ obligation: HIPAA_INDIVIDUALS, reason })]);
  });
});

describe('the tokenizer', () => {
  it('turns a bare em dash into "--" (a phone keyboard\'s --) but keeps a quoted one as typed', async () => {
    const { tokenize } = await import('../../commands/tokenize.ts');
    expect(tokenize('snooze BR-1 X —reason "—until the vendor calls back"')).toEqual(['snooze', 'BR-1', 'X', '--reason', '—until the vendor calls back']);
    expect(tokenize('snooze BR-1 X --reason=«–for 30d»')).toEqual(['snooze', 'BR-1', 'X', '--reason=–for 30d']);
  });
});
