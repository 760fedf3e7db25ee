// Hostile edits of the store files aimed at what the state digest leaves out or at copies it might not check: a forged
// delivery record (which silences a reminder, since the scheduler skips a key it finds recorded), the start-up pack, an export.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import { openRuntime } from '../../adapters/runtime.ts';
import { createMemoryLogger } from '../helpers/test-bot.ts';

const CORE = { defaultTimezone: 'America/Chicago', defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' }, admins: [], openers: [] };
const sam = { id: 'sam', name: 'Sam' };
const NOW = '2025-03-01T12:00:00Z';

async function open(dataPath: string) {
  const logger = createMemoryLogger();
  const runtime = await openRuntime({ dataPath, clock: createManualClock(NOW), logger, core: CORE });
  const say = (text: string) => runtime.bot.handle({ text, actor: sam, platform: 'terminal', channel: { platform: 'terminal', id: 'terminal' } });
  return { runtime, logger, say };
}

async function storeWithOne(): Promise<{ dataPath: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-hostile-digest-'));
  const dataPath = join(dir, 'store.json');
  const { runtime, say } = await open(dataPath);
  try {
    expect((await say('new Stolen laptop --discovered "2025-02-20 09:00" --affected 1200')).outcome).toBe('ok');
    expect((await say('link BR-1')).outcome).toBe('ok');
  } finally {
    await runtime.close();
  }
  return { dataPath, dir };
}

/** The forged record: the 7-day reminder of the HHS notice, "already delivered", so the scheduler would never post it. */
const forged = {
  key: 'BR-1|US-HIPAA-164.404-INDIVIDUALS|7d|2025-04-21T04:59:59.999Z|terminal:terminal',
  obligation: 'US-HIPAA-164.404-INDIVIDUALS', step: '7d', dueAt: '2025-04-21T04:59:59.999Z', channel: 'terminal:terminal',
  outcome: 'delivered', at: '2025-03-01T12:00:00.000Z', late: false,
};

/** Add a delivery line inside the journal's acknowledged part, moving the head's mark as breachdesk would. */
function forgeDelivery(store: { dir: string }): void {
  const head = join(store.dir, 'store.incidents', 'BR-1.json');
  const journal = join(store.dir, 'store.incidents', 'BR-1.journal');
  const h = JSON.parse(readFileSync(head, 'utf8'));
  const bytes = readFileSync(journal);
  const line = Buffer.from(`${JSON.stringify({ deliveries: forged })}\n`, 'utf8');
  writeFileSync(journal, Buffer.concat([bytes.subarray(0, h.journal.bytes), line, bytes.subarray(h.journal.bytes)]));
  h.journal = { bytes: h.journal.bytes + line.length, entries: { ...h.journal.entries, deliveries: (h.journal.entries.deliveries ?? 0) + 1 } };
  writeFileSync(head, JSON.stringify(h));
}

describe('a delivery record forged in the store', () => {
  it('is reported by the start-up check and verify: it has no timeline entry, and it would silence a reminder', async () => {
    const store = await storeWithOne();
    forgeDelivery(store);
    const { runtime, logger, say } = await open(store.dataPath);
    try {
      expect((await runtime.store.get('BR-1'))!.deliveries).toHaveLength(1);
      await runtime.recordCheck;
      expect(logger.lines.filter((l) => l.startsWith('error')).join('\n')).toMatch(/record check: BR-1: RECORD BROKEN: .*delivery/);
      const verify = await say('verify BR-1');
      expect(verify.outcome).toBe('refused');
      expect(verify.text).toMatch(/RECORD BROKEN: BR-1: its delivery record 1 \(BR-1\|US-HIPAA.*\) has no timeline entry: it was added outside breachdesk/);
      expect(verify.data).toMatchObject({ facts: 'changed' });
    } finally {
      await runtime.close();
    }
  });

  it('in an export fails verify-export', async () => {
    const store = await storeWithOne();
    const { runtime, say } = await open(store.dataPath);
    try {
      const doc = JSON.parse(Buffer.from((await say('export BR-1 --format json')).file!.content).toString('utf8'));
      expect((await say(`verify-export ${JSON.stringify(doc)}`)).outcome).toBe('ok');
      const check = await say(`verify-export ${JSON.stringify({ ...doc, deliveries: [forged] })}`);
      expect(check.outcome).toBe('refused');
      expect(check.text).toMatch(/Facts: CHANGED: .*delivery record 1/);
    } finally {
      await runtime.close();
    }
  });
});

describe('the start-up pack edited in place', () => {
  it('serves the edited incident only to have the start-up check and verify name it', async () => {
    const store = await storeWithOne();
    const pack = join(store.dir, 'store.incidents.pack');
    const text = readFileSync(pack, 'latin1');
    expect(text).toContain('"total":1200');
    // Same length, so every stamp and offset in the pack still holds.
    writeFileSync(pack, text.replace('"total":1200', '"total":9200'), 'latin1');
    const { runtime, logger, say } = await open(store.dataPath);
    try {
      expect((await runtime.store.get('BR-1'))!.affected.total).toBe(9200);
      await runtime.recordCheck;
      expect(logger.lines.filter((l) => l.startsWith('error')).join('\n')).toMatch(/BR-1: RECORD BROKEN: its facts were changed outside breachdesk/);
      expect((await say('verify BR-1')).outcome).toBe('refused');
    } finally {
      await runtime.close();
    }
  });
});

describe('a delivery intent forged in the store', () => {
  it('cannot launder a sentence into the timeline as breachdesk\'s own entry: the record is named damaged instead', async () => {
    const store = await storeWithOne();
    const head = join(store.dir, 'store.incidents', 'BR-1.json');
    const h = JSON.parse(readFileSync(head, 'utf8'));
    // Outbox entries are left out of the digest; a restart reconciles a stale one with a system timeline entry quoting its channel.
    const sentence = 'slack:C1 (note: the HHS notice was filed on 2025-02-21 by outside counsel)';
    h.outbox = [{ key: 'BR-1|US-HIPAA-164.408-HHS|7d|2025-04-21T04:59:59.999Z|slack:C1', channel: sentence, intendedAt: '2025-03-01T11:00:00.000Z' }];
    writeFileSync(head, JSON.stringify(h));
    const { runtime } = await open(store.dataPath);
    try {
      const damaged = (await runtime.store.damaged?.()) ?? [];
      expect(damaged.map((d) => d.id)).toEqual(['BR-1']);
      expect(damaged[0]!.problem).toMatch(/outbox\.0\.channel/);
    } finally {
      await runtime.close();
    }
    expect(readFileSync(join(store.dir, 'store.incidents', 'BR-1.journal'), 'utf8')).not.toContain('outside counsel');
  });
});

describe('a timeline entry forged with a value nested thousands of levels deep', () => {
  it('makes that record damaged (named), and the start-up check still verifies the others', async () => {
    const store = await storeWithOne();
    {
      const { runtime, say } = await open(store.dataPath);
      try {
        expect((await say('new Phishing --discovered "2025-02-21 09:00" --affected 30')).outcome).toBe('ok');
      } finally {
        await runtime.close();
      }
    }
    const head = join(store.dir, 'store.incidents', 'BR-1.json');
    const journal = join(store.dir, 'store.incidents', 'BR-1.journal');
    const h = JSON.parse(readFileSync(head, 'utf8'));
    const bytes = readFileSync(journal);
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const entry = `{"at":"2025-03-01T12:00:00.000Z","actor":{"id":"x","name":"x","platform":"slack"},"action":"fact.changed","text":"x","changes":[{"field":"title","from":${deep},"to":"y"}]}`;
    const line = Buffer.from(`{"timeline":${entry}}\n`, 'utf8');
    writeFileSync(journal, Buffer.concat([bytes.subarray(0, h.journal.bytes), line, bytes.subarray(h.journal.bytes)]));
    h.journal = { bytes: h.journal.bytes + line.length, entries: { ...h.journal.entries, timeline: h.journal.entries.timeline + 1 } };
    writeFileSync(head, JSON.stringify(h));
    rmSync(join(store.dir, 'store.incidents.pack'), { force: true });
    const { runtime, logger, say } = await open(store.dataPath);
    try {
      const report = await runtime.recordCheck;
      expect(logger.lines.join('\n')).not.toMatch(/record check failed|Maximum call stack/);
      expect(report.checked).toBe(1);
      expect(((await runtime.store.damaged?.()) ?? []).map((d) => d.id)).toEqual(['BR-1']);
      expect((await say('show BR-1')).text).not.toMatch(/failed unexpectedly/);
      expect((await say('verify BR-2')).outcome).toBe('ok');
    } finally {
      await runtime.close();
    }
  });
});
