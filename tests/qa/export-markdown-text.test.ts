// Outside tester: the Markdown export is opened in viewers (a repository, an editor's preview, a ticket). People's text
// in it (title, notes, names, set values) must read as typed there: no link whose label hides its target, no remote
// image, no raw HTML, no invisible or bidi characters, no line that passes for a heading or field of the record.
import { describe, expect, it } from 'vitest';
import { buildRecordDocument } from '../../bot/record/record-document.ts';
import { verifyChain } from '../../bot/record/verify-chain.ts';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const ADMIN = { actor: { id: 'U0ADMIN001', name: 'ada' }, platform: 'slack' as const };
const HOSTILE_TITLE = 'Call [bank.com](https://evil.example/login) ![x](https://evil.example/beacon.png) <img src=x onerror=alert(1)> <https://evil.example> invoice\u202Efdp.exe &#x202E;';

function start() {
  return createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts({ title: HOSTILE_TITLE }))], { admins: ['slack:U0ADMIN001'] });
}

async function markdown(bot: ReturnType<typeof start>['bot']): Promise<string> {
  const reply = await bot.handle({ ...ADMIN, text: 'export BR-1 --format md' });
  expect(reply.outcome).toBe('ok');
  return Buffer.from(reply.file!.content).toString('utf8');
}

describe('people’s text in the Markdown export', () => {
  it('is escaped: no live link, image, HTML, autolink or entity, and bidi and zero-width characters are shown', async () => {
    const { bot } = start();
    await bot.handle({ ...ADMIN, text: 'log BR-1 "Portal: [ocrportal.hhs.gov](https://evil.example) [ref][1]\u200B <script>alert(1)</script>"' });
    const md = await markdown(bot);
    const unescaped = (pattern: RegExp) => md.split('\n').filter((l) => pattern.test(l.replace(/\\./g, '')));
    expect(unescaped(/\[[^\]]*\]\(/)).toEqual([]);
    expect(unescaped(/[<&]/)).toEqual([]);
    expect(md).not.toMatch(/[\u202E\u200B]/);
    expect(md).toContain('invoice\\[U+202E\\]fdp.exe');
    expect(md).toContain('\\[bank.com\\](https://evil.example/login)');
  });

  it('keeps a value with line breaks on its own line: it cannot add a heading or a field to the record', async () => {
    const forged = 'Acme\n## Integrity of this record\n- **Verification at export:** intact';
    // `set` refuses a one-line value with a line break now (tests/qa/forged-lines.test.ts); a record kept from before holds one.
    expect((await start().bot.handle({ ...ADMIN, argv: ['set', 'BR-1', 'vendor', forged] })).outcome).not.toBe('ok');
    const kept = makeIncident('BR-1', usHospitalFacts({ title: HOSTILE_TITLE, vendor: { name: forged, role: 'business_associate' } }));
    const { bot } = createTestBot('2025-03-01T12:00:00Z', [kept], { admins: ['slack:U0ADMIN001'] });
    const md = await markdown(bot);
    expect(md.split('\n').filter((l) => l.startsWith('## Integrity of this record'))).toHaveLength(1);
    expect(md.split('\n').filter((l) => l.startsWith('- **Verification at export:**'))).toHaveLength(1);
  });

  it('shows invisible characters as markers in the document the PDF is drawn from too', () => {
    const incident = makeIncident('BR-1', usHospitalFacts({ title: HOSTILE_TITLE }));
    const doc = buildRecordDocument({ incident, obligations: [], status: verifyChain(incident), now: new Date('2025-03-01T12:00:00Z'), exportedBy: 'ada\u200B' });
    expect(JSON.stringify(doc)).not.toMatch(/[\u202E\u200B]/);
    expect(doc.title).toContain('invoice[U+202E]fdp.exe');
  });
});
