// BREACHDESK_ANCHOR_CHANNEL and BREACHDESK_SIGNING_KEY: accepted forms, and one plain problem line for each bad one.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordSettingsFromEnv } from '../../adapters/record-settings.ts';

const ed25519 = () => generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

describe('record settings', () => {
  it('reads a Slack or Teams anchor channel (Teams ids keep their colons)', () => {
    expect(recordSettingsFromEnv({ BREACHDESK_ANCHOR_CHANNEL: 'slack:C0SECURITY' })).toEqual({ anchorChannel: { platform: 'slack', id: 'C0SECURITY' }, problems: [] });
    expect(recordSettingsFromEnv({ BREACHDESK_ANCHOR_CHANNEL: 'teams:19:abc@thread.tacv2' }).anchorChannel).toEqual({ platform: 'teams', id: '19:abc@thread.tacv2' });
    expect(recordSettingsFromEnv({ BREACHDESK_ANCHOR_CHANNEL: '#security' }).problems).toEqual(['BREACHDESK_ANCHOR_CHANNEL must be slack:<channel id> or teams:<conversation id>']);
  });

  it('takes the key as PEM text with \\n escapes, or as the path of a PEM file', () => {
    const pem = ed25519();
    expect(recordSettingsFromEnv({ BREACHDESK_SIGNING_KEY: pem.replace(/\n/g, '\\n') }).signingKey).toBe(pem);
    const file = join(mkdtempSync(join(tmpdir(), 'breachdesk-key-')), 'signing.pem');
    writeFileSync(file, pem);
    expect(recordSettingsFromEnv({ BREACHDESK_SIGNING_KEY: file })).toEqual({ signingKey: pem, problems: [] });
  });

  it('refuses a missing file and a key that is not Ed25519, in one line each', () => {
    expect(recordSettingsFromEnv({ BREACHDESK_SIGNING_KEY: '/nonexistent/signing.pem' }).problems).toEqual([
      'BREACHDESK_SIGNING_KEY names a file that cannot be read (ENOENT): give the PEM text or its path',
    ]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
    expect(recordSettingsFromEnv({ BREACHDESK_SIGNING_KEY: rsa }).problems).toEqual([
      'BREACHDESK_SIGNING_KEY is a rsa key; an Ed25519 key is needed (openssl genpkey -algorithm ed25519)',
    ]);
  });
});
