// The public-channel warning on `link`, from what Slack says about the channel (conversations.info, cached), not its name.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from './harness.ts';
import { postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const slash = (text: string, channel: string, name: string) => postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl(), { channel_id: channel, channel_name: name }));

describe('Slack channel privacy on link', () => {
  it('warns when linking #incident-br3, a public channel of 120 members, and asks Slack once', async () => {
    h = await startHarness();
    const answer = await slash('link BR-1', 'C0BR300001', 'incident-br3');
    expect(answer.json?.text).toContain('Warning: this channel is public');
    expect(h.fake.callsOf('conversations.info').map((c) => c.body)).toEqual([expect.objectContaining({ channel: 'C0BR300001', include_num_members: 'true' })]);
    await slash('unlink BR-1', 'C0BR300001', 'incident-br3');
    const again = await slash('link BR-1', 'C0BR300001', 'incident-br3');
    expect(again.json?.text).toContain('Warning: this channel is public');
    expect(h.fake.callsOf('conversations.info')).toHaveLength(1);
  });

  it('does not warn on a private channel, whatever its name', async () => {
    h = await startHarness();
    // A name like any other: only Slack's is_private (and its 8 members) tell the two apart.
    const answer = await slash('link BR-1', 'G0BR300002', 'br3-response');
    expect(answer.json?.response_type).toBe('in_channel');
    expect(answer.json?.text).toContain('br3-response');
    expect(answer.json?.text).not.toContain('Warning');
  });

  it('still links, and logs why, when Slack cannot describe the channel', async () => {
    h = await startHarness();
    const answer = await slash('link BR-1', 'C0UNKNOWN1', 'incident-room');
    expect(answer.json?.text).toContain('incident-room');
    expect(answer.json?.text).not.toContain('Warning');
    expect((await h.store.get('BR-1'))!.channels.map((c) => c.id)).toEqual(['C0UNKNOWN1']);
    expect(h.logger.lines.some((l) => /^warn slack: conversations.info failed/.test(l) && l.includes('channel_not_found'))).toBe(true);
  });
});
