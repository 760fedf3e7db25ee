// The exported record: the PDF's text (extracted with pdftotext) holds the facts, every obligation with its citation,
// verification level and proof, the delay, the assessment, the timeline and the chain head; the JSON export is signed
// with Ed25519 and verify-export catches any edit.
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';

const sam = { id: 'U-SAM', name: 'Sam Rivera' };
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

async function incidentWithHistory(config: { signingKey?: string } = {}, now = '2025-03-19T08:00:00Z') {
  const t = createTestBot(now, [makeIncident('BR-1', usHospitalFacts({ affected: { total: 1500, byJurisdiction: { 'US-IN': 1200, 'US-TX': 300 } } }))], config);
  const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
  for (const command of [
    'set BR-1 affected.byJurisdiction.US-TX 310',
    'done BR-1 US-TX-BREACH:attorney_general --note "AG portal confirmation TX-2025-0042"',
    'delay BR-1 --oral --agency FBI --official "SA Jane Doe" --at "2025-03-18 15:00"',
    'assess BR-1 --nature "names and diagnoses" --person "unknown actor" --acquired "exfiltrated" --mitigation "none possible" --conclusion breach',
    'log BR-1 Outside counsel engaged',
  ]) expect((await say(command)).outcome, command).toBe('ok');
  return { ...t, say };
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-pdf-'));
  const file = join(dir, 'record.pdf');
  writeFileSync(file, bytes);
  // pdftotext (poppler-utils) is installed by .ci/run; line wraps become spaces so phrases can be searched.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('export --format pdf', () => {
  it('holds the facts, every obligation with citation, verification and proof, the record and the chain head', async () => {
    const { say, store } = await incidentWithHistory();
    const reply = await say('export BR-1 --format pdf');
    expect(reply.outcome).toBe('ok');
    const stored = (await store.get('BR-1'))!;
    expect(reply.file).toMatchObject({ name: 'BR-1-record-2025-03-19.pdf', mediaType: 'application/pdf', share: 'private' });
    const text = pdfText(reply.file!.content);
    expect(text).toContain('BR-1: Legacy EHR vendor breach');
    expect(text).toContain('Affected: 1,500 (US-IN 1,200, US-TX 310)');
    expect(text).toContain('affected.byJurisdiction.US-TX: 300 -> 310');
    const obligations = JSON.parse((await say('deadlines BR-1 --json')).text) as Array<{ obligation: string; citation: string; verification: string; status: string }>;
    expect(obligations.length).toBeGreaterThan(3);
    for (const o of obligations) {
      expect(text, o.obligation).toContain(o.obligation);
      expect(text, o.obligation).toContain(`Citation: ${o.citation}`);
      expect(text, o.obligation).toContain(`(${o.status})`);
    }
    expect(text).toContain('Verification level: verified_primary_text');
    expect(text).toContain('Proof recorded: sent 2025-03-19 03:00 CDT: AG portal confirmation TX-2025-0042');
    expect(text).toContain('Oral statement from FBI Official: SA Jane Doe Stated: 2025-03-18 15:00 CDT');
    expect(text).toContain('Presumed breach');
    expect(text).toContain('Unauthorized person: unknown actor');
    expect(text).toContain('Outside counsel engaged');
    // The head printed is the record's head at the export instant: before the export's own access-log entry.
    expect(stored.accessLog.at(-1)).toMatchObject({ kind: 'export', command: 'export' });
    const before = stored.accessLog.slice(0, -1);
    const accessHead = before.at(-1)?.hash ?? sha('{"incident":"BR-1","list":"accessLog"}');
    const timeline = stored.chain!.lists.timeline!;
    const head = sha(`{"incident":"BR-1","lists":{"accessLog":{"entries":${before.length},"head":"${accessHead}"},"timeline":{"entries":${timeline.entries},"head":"${timeline.head}"}}}`);
    expect(text).toContain(`Chain head: ${head}`);
    expect(text).toContain('How to check this record');
    expect(reply.text).toContain(`Chain head: ${head} (intact)`);
  });

  it('is never cut: 400 timeline entries are all in the PDF', async () => {
    const { say } = await incidentWithHistory();
    for (let n = 1; n <= 400; n++) await say(`log BR-1 call number ${n} with the vendor`);
    const text = pdfText((await say('export BR-1 --format pdf')).file!.content);
    for (const n of [1, 200, 400]) expect(text).toContain(`call number ${n} with the vendor`);
    expect(text).toMatch(/Page \d+ of (\d+)/);
  });

  it('puts a loud banner on a broken record', async () => {
    const { store } = await incidentWithHistory();
    const tampered = structuredClone((await store.get('BR-1'))!);
    tampered.timeline[0]!.text = 'rewritten';
    const t = createTestBot('2025-03-19T08:00:00Z', [tampered]);
    const reply = await t.bot.handle({ text: 'export BR-1 --format pdf', actor: sam, platform: 'slack' });
    expect(pdfText(reply.file!.content)).toContain("RECORD BROKEN: BR-1's stored record does not match its hash chain. Timeline entry 1");
    expect(reply.text).toMatch(/^RECORD BROKEN/);
  });

  it('prints French no-break spaces as spaces, not as "?" (the standard fonts have U+00A0, not the narrow U+202F)', async () => {
    // French as the bot writes it: U+00A0 before ":", U+202F before ";", "?" and "!".
    const title = 'Vol du compte EPR\u00a0: accès\u202f; données copiées\u202f? Oui\u202f!';
    const t = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-2', { ...frenchHospitalFacts(), title })]);
    const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack' });
    const reply = await say('export BR-2 --format pdf');
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: reply.file!.content, encoding: 'utf8' });
    expect(raw).toContain('BR-2: Vol du compte EPR : accès ; données copiées ? Oui !');
    expect(raw).not.toMatch(/accès\?|copiées\?\?|Oui\?/);
    // The Markdown keeps both no-break spaces as they are (it escapes "!" as Markdown does).
    const md = Buffer.from((await say('export BR-2 --format md')).file!.content).toString('utf8');
    expect(md).toContain('# BR-2: Vol du compte EPR\u00a0: accès\u202f; données copiées\u202f? Oui\u202f\\!');
  });
});

describe('signed JSON export and verify-export', () => {
  const keys = () => generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });

  it('signs with the configured key; verify-export accepts it and names the head', async () => {
    const key = keys();
    const t = await incidentWithHistory({ signingKey: key.privateKey });
    const json = Buffer.from((await t.say('export BR-1 --format json')).file!.content).toString('utf8');
    const doc = JSON.parse(json);
    expect(doc.signature).toMatchObject({ algorithm: 'Ed25519', publicKey: key.publicKey });
    expect(doc.notices[0].note).toBe('AG portal confirmation TX-2025-0042');
    const check = await t.say(`verify-export ${json}`);
    expect(check.outcome).toBe('ok');
    expect(check.text).toMatch(/Signature: valid Ed25519, key [0-9a-f]{16} \(the key configured here\)/);
    expect(check.text).toContain(`Chain: intact, head ${doc.chain.head}`);
  });

  it('refuses an export edited after signing, and one re-signed with another key', async () => {
    const t = await incidentWithHistory({ signingKey: keys().privateKey });
    const doc = JSON.parse(Buffer.from((await t.say('export BR-1 --format json')).file!.content).toString('utf8'));
    const edited = structuredClone(doc);
    edited.notices[0].sentAt = '2025-03-01T09:00:00-06:00';
    const refused = await t.say(`verify-export ${JSON.stringify(edited)}`);
    expect(refused.outcome).toBe('refused');
    expect(refused.text).toContain('Signature: INVALID: the signature does not match the content');
    // Someone rewrites a timeline entry and signs with their own key: the key and the chain both say so.
    const { signExport } = await import('../../bot/record/export-signature.ts');
    const { signature: _s, ...body } = structuredClone(doc);
    body.timeline[0].text = 'rewritten';
    const forged = signExport(body, keys().privateKey);
    const forgedCheck = await t.say(`verify-export ${JSON.stringify(forged)}`);
    expect(forgedCheck.outcome).toBe('refused');
    expect(forgedCheck.text).toContain('NOT the key configured here');
    expect(forgedCheck.text).toMatch(/Chain: BROKEN: Timeline entry 1 .*was edited/);
  });

  it('refuses an export whose signature was removed, where a signing key is configured (an unsigned one is fine where none is)', async () => {
    const t = await incidentWithHistory({ signingKey: keys().privateKey });
    const { signature: _s, ...stripped } = JSON.parse(Buffer.from((await t.say('export BR-1 --format json')).file!.content).toString('utf8'));
    const check = await t.say(`verify-export ${JSON.stringify(stripped)}`);
    expect(check.outcome).toBe('refused');
    expect(check.text).toContain('Signature: NONE, though a signing key is configured here');
    const unkeyed = await incidentWithHistory();
    const plain = await unkeyed.say(`verify-export ${JSON.stringify(stripped)}`);
    expect(plain.outcome).toBe('ok');
    expect(plain.text).toContain('Signature: none (the export was made without BREACHDESK_SIGNING_KEY, or its signature was removed).');
  });

  it('the JSON export still imports back (its record fields are not carried over)', async () => {
    const t = await incidentWithHistory();
    const json = Buffer.from((await t.say('export BR-1 --format json')).file!.content).toString('utf8');
    const imported = await t.say(`import ${json}`);
    expect(imported.text).toContain('Imported as BR-2');
    expect((await t.store.get('BR-2'))!.timeline[0]!.text).toMatch(/chain, obligations, record/);
  });
});
