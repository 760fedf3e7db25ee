// Exports as files in Slack: files.uploadV2 (getUploadURLExternal → upload URL → completeUploadExternal) against the fake,
// to the asker's DM with the bot by default, to the channel when asked.
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SlackHarness } from './harness.ts';
import { postToApp, slashBody } from './signed-request.ts';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const slash = (text: string) => postToApp(h.eventsUrl, slashBody(text, h.fake.responseUrl()));

describe('Slack file upload of exports', () => {
  it('uploads the PDF to the DM with the bot, whole, and says so in the ephemeral answer', async () => {
    h = await startHarness();
    const answer = await slash('export BR-1 --format pdf');
    expect(answer.json?.response_type).toBe('ephemeral');
    expect(answer.json?.text).toContain('follows in your direct messages');
    const [complete] = await h.fake.waitFor('files.completeUploadExternal');
    const [open] = h.fake.callsOf('conversations.open');
    expect(open!.body.users).toBe('U0SAM00001');
    // The DM (D…), never the channel the command was typed in.
    expect(complete!.body.channel_id).toBe('DU0SAM00001');
    const [ask] = h.fake.callsOf('files.getUploadURLExternal');
    expect(ask!.body.filename).toBe('BR-1-record-2025-03-01.pdf');
    const [upload] = h.fake.callsOf('upload');
    // The whole file went up: it starts as a PDF and its declared length is what was sent.
    expect(upload!.bytes.includes(Buffer.from('%PDF-'))).toBe(true);
    expect(upload!.bytes.includes(Buffer.from('%%EOF'))).toBe(true);
    expect(Number(ask!.body.length)).toBeGreaterThan(1000);
    // The upload completed is the file that was sent.
    expect(JSON.parse(String(complete!.body.files))[0].id).toBe(upload!.body.fileId);
  });

  it('shares the file in the channel with --channel', async () => {
    h = await startHarness();
    const answer = await slash('export BR-1 --format json --channel');
    expect(answer.json?.response_type).toBe('in_channel');
    const [complete] = await h.fake.waitFor('files.completeUploadExternal');
    expect(complete!.body.channel_id).toBe('C0INC00001');
    expect(h.fake.callsOf('conversations.open')).toHaveLength(0);
    const [upload] = h.fake.callsOf('upload');
    expect(upload!.raw).toContain('"format": "breachdesk-incident"');
  });

  it('tells the asker privately when Slack refuses the upload', async () => {
    h = await startHarness();
    h.fake.script('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope', needed: 'files:write' } });
    await slash('export BR-1 --format md');
    const notes = await h.fake.waitFor('response_url');
    expect(notes.at(-1)!.body.text).toMatch(/could not be uploaded \(.*missing_scope/);
    expect(notes.at(-1)!.body.response_type).toBe('ephemeral');
  });
});
