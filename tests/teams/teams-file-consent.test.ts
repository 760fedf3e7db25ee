// Exports as files in Teams: a file consent card in the 1:1 chat; accepting uploads the whole file to the URL Teams
// gives and posts a file info card; declining sends nothing. Real botbuilder over HTTP against the fake connector.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILE_CONSENT_CONTENT_TYPE, FILE_INFO_CONTENT_TYPE } from '../../adapters/teams/file-consent.ts';
import { startHarness, type Harness } from './helpers/teams-harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Ask for an export in the 1:1 chat; returns the consent attachment the bot sent. */
async function askForPdf(): Promise<Record<string, any>> {
  const res = await h.post(h.activity('personal-message', { text: 'export BR-1 --format pdf' }));
  expect(res.status).toBe(200);
  const consent = h.connector.captured.flatMap((c) => c.body.attachments ?? []).find((a: any) => a.contentType === FILE_CONSENT_CONTENT_TYPE);
  expect(consent).toBeDefined();
  return consent;
}

function consentInvoke(action: 'accept' | 'decline', token: string): Record<string, any> {
  return h.activity('personal-message', {
    type: 'invoke', name: 'fileConsent/invoke', text: undefined, id: 'invoke-1',
    value: {
      type: 'fileUpload', action, context: { token },
      ...(action === 'accept'
        ? { uploadInfo: { name: 'BR-1-record-2025-03-01.pdf', uploadUrl: `${h.connector.serviceUrl}upload/BR-1-record-2025-03-01.pdf`, contentUrl: 'https://contoso-my.sharepoint.com/personal/dana/Documents/Applications/breachdesk/BR-1-record-2025-03-01.pdf', uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'pdf' } }
        : {}),
    },
  });
}

describe('Teams file consent', () => {
  it('offers the export with a consent card in the 1:1 chat, naming the file and its size', async () => {
    const consent = await askForPdf();
    expect(consent.name).toBe('BR-1-record-2025-03-01.pdf');
    expect(consent.content.sizeInBytes).toBeGreaterThan(1000);
    expect(consent.content.acceptContext.token).toBe(consent.content.declineContext.token);
    expect(h.connector.uploads).toHaveLength(0);
  });

  it('uploads the whole file on accept and posts a file info card', async () => {
    const consent = await askForPdf();
    const before = h.connector.captured.length;
    const res = await h.post(consentInvoke('accept', consent.content.acceptContext.token));
    expect(res.status).toBe(200);
    expect(h.connector.uploads).toHaveLength(1);
    const upload = h.connector.uploads[0]!;
    expect(upload.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(upload.bytes.length).toBe(consent.content.sizeInBytes);
    expect(upload.headers['content-range']).toBe(`bytes 0-${upload.bytes.length - 1}/${upload.bytes.length}`);
    const info = h.connector.captured.slice(before).flatMap((c) => c.body.attachments ?? []).find((a: any) => a.contentType === FILE_INFO_CONTENT_TYPE);
    expect(info).toMatchObject({ name: 'BR-1-record-2025-03-01.pdf', content: { uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'pdf' } });
    // An offer is used once.
    await h.post(consentInvoke('accept', consent.content.acceptContext.token));
    expect(h.connector.uploads).toHaveLength(1);
    expect(h.connector.captured.at(-1)!.body.text).toMatch(/expired/);
  });

  it('sends nothing on decline and says so', async () => {
    const consent = await askForPdf();
    const res = await h.post(consentInvoke('decline', consent.content.declineContext.token));
    expect(res.status).toBe(200);
    expect(h.connector.uploads).toHaveLength(0);
    expect(h.connector.captured.at(-1)!.body.text).toContain('BR-1-record-2025-03-01.pdf was not sent');
  });

  it('asked in a channel, sends the answer and the consent card to the asker\'s 1:1 chat, and only a note to the channel', async () => {
    await h.post(h.activity('channel-mention-message', { text: '<at>breachdesk</at> export BR-1 --format pdf' }));
    // The 1:1 chat was opened with the asker.
    expect(h.connector.created.length).toBeGreaterThan(0);
    const personal = h.connector.captured.filter((c) => c.conversationId.startsWith('a:personal-'));
    expect(personal.flatMap((c) => c.body.attachments ?? []).some((a: any) => a.contentType === FILE_CONSENT_CONTENT_TYPE)).toBe(true);
    const inChannel = h.connector.captured.filter((c) => !c.conversationId.startsWith('a:personal-'));
    expect(inChannel.flatMap((c) => c.body.attachments ?? []).some((a: any) => a.contentType === FILE_CONSENT_CONTENT_TYPE)).toBe(false);
    expect(JSON.stringify(inChannel.map((c) => c.body))).not.toContain('Chain head');
  });
});
