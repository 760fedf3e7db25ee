// The state digest: every timeline entry made through the domain records SHA-256 of the incident's state after it, so
// facts edited in the store file (not only history) fail `verify`, the start-up check and `verify-export`; a change
// through breachdesk passes; a record written before digests says its facts are not covered; reads add no digest.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import { applyBookkeeping, SYSTEM_ACTOR } from '../../bot/domain/change.ts';
import { recordDelivered, recordIntent } from '../../bot/domain/deliveries.ts';
import type { Incident } from '../../bot/model/incident-schema.ts';
import { postAnchor } from '../../bot/record/anchor.ts';
import { appendChained } from '../../bot/record/chain.ts';
import { FACTS_MISMATCH_ACTION, stateDigest } from '../../bot/record/state-digest.ts';
import { openRuntime } from '../../adapters/runtime.ts';
import { openFileStore } from '../../data/file-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/incidents.ts';
import { createMemoryLogger, createTestBot } from '../helpers/test-bot.ts';

const CORE = { defaultTimezone: 'America/Chicago', defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' }, admins: [], openers: [] };
const sam = { id: 'sam', name: 'Sam' };
// An admin of the test bots (TEST_ADMINS), for incidents put in the store without an opener.
const admin = { id: 'U-SAM', name: 'Sam Rivera' };
const NOW = '2025-03-01T12:00:00Z';

async function open(dataPath: string, now = NOW) {
  const logger = createMemoryLogger();
  const runtime = await openRuntime({ dataPath, clock: createManualClock(now), logger, core: CORE });
  const say = (text: string) => runtime.bot.handle({ text, actor: sam, platform: 'terminal', channel: { platform: 'terminal', id: 'terminal' } });
  return { runtime, logger, say };
}

/** A closed file store holding BR-1 … BR-n, each opened and changed through breachdesk. */
async function storeWithIncidents(n: number): Promise<{ dataPath: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-digest-'));
  const dataPath = join(dir, 'store.json');
  const { runtime, say } = await open(dataPath);
  try {
    for (let i = 1; i <= n; i++) {
      expect((await say(`new Stolen laptop ${i} --discovered "2025-02-20 09:00" --affected 1200`)).outcome).toBe('ok');
      expect((await say(`set BR-${i} affected 1300`)).outcome).toBe('ok');
      expect((await say(`log BR-${i} FBI field office called`)).outcome).toBe('ok');
    }
  } finally {
    await runtime.close();
  }
  return { dataPath, dir };
}

/** Edit an incident's head file as someone with access to the store's files would (the start-up pack dropped too). */
function editHead(store: { dataPath: string; dir: string }, id: string, edit: (head: Record<string, any>) => void): void {
  const file = join(store.dir, 'store.incidents', `${id}.json`);
  const head = JSON.parse(readFileSync(file, 'utf8'));
  edit(head);
  writeFileSync(file, JSON.stringify(head));
  rmSync(join(store.dir, 'store.incidents.pack'), { force: true });
}

const journalOf = (store: { dir: string }, id: string) => readFileSync(join(store.dir, 'store.incidents', `${id}.journal`), 'utf8');
const timelineLines = (journal: string) => journal.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((l) => 'timeline' in l).map((l) => l.timeline);

describe('facts edited in the store file', () => {
  it('each kind of edit (discovery, counts, status, organization flag) fails verify with a plain sentence naming the incident', async () => {
    const store = await storeWithIncidents(5);
    editHead(store, 'BR-1', (h) => (h.discoveredAt = '2025-02-27T09:00:00.000Z'));
    editHead(store, 'BR-2', (h) => (h.affected.total = 400));
    editHead(store, 'BR-3', (h) => (h.status = 'closed'));
    editHead(store, 'BR-4', (h) => (h.organization.secRegistrant = false));
    const journals = ['BR-1', 'BR-2', 'BR-3', 'BR-4', 'BR-5'].map((id) => journalOf(store, id));
    const { runtime, logger, say } = await open(store.dataPath);
    try {
      for (const id of ['BR-1', 'BR-2', 'BR-3', 'BR-4']) {
        // Start-up: one error line naming the incident; `list` marks it; `verify` refuses with the sentence.
        expect(logger.lines.find((l) => l.startsWith(`error record check: ${id}: RECORD BROKEN`))).toMatch(/its facts were changed outside breachdesk after its last recorded change \(timeline entry 3, /);
        const verify = await say(`verify ${id}`);
        expect(verify.outcome).toBe('refused');
        expect(verify.text).toMatch(new RegExp(`^RECORD BROKEN: ${id}: its facts were changed outside breachdesk after its last recorded change \\(timeline entry 3, 2025-03-01T12:00:00.000Z, note\\): they no longer match the digest that entry recorded\\.`));
        expect(verify.data).toMatchObject({ chain: 'broken', facts: 'changed', problem: { list: 'facts', entry: 3 } });
        const show = await say(`show ${id}`);
        expect(show.text.split('\n')[0]).toMatch(new RegExp(`^⚠ RECORD BROKEN: ${id}: its facts were changed outside breachdesk`));
      }
      expect((await say('list')).text).toMatch(/^BR-1 .*RECORD BROKEN/m);
      // The untouched incident still verifies.
      const intact = await say('verify BR-5');
      expect(intact.outcome).toBe('ok');
      expect(intact.text).toContain('Facts: they match the state digest recorded by timeline entry 3 (2025-03-01T12:00:00.000Z).');
      expect(logger.lines).toContain('error record check: 5 incident(s) verified, 4 broken {"broken":["BR-1","BR-2","BR-3","BR-4"]}');
    } finally {
      await runtime.close();
    }
    // Nothing was rewritten: only access-log lines were appended.
    ['BR-1', 'BR-2', 'BR-3', 'BR-4', 'BR-5'].forEach((id, i) => {
      const after = journalOf(store, id);
      expect(after.startsWith(journals[i]!)).toBe(true);
      expect(after.slice(journals[i]!.length).split('\n').filter(Boolean).every((l) => 'accessLog' in JSON.parse(l))).toBe(true);
    });
  });

  it('a change made after the edit does not bless the edited facts: it records the mismatch and verify keeps naming it', async () => {
    const store = await storeWithIncidents(1);
    editHead(store, 'BR-1', (h) => (h.discoveredAt = '2025-02-27T09:00:00.000Z'));
    const { runtime, logger, say } = await open(store.dataPath);
    try {
      expect((await say('set BR-1 affected 1400')).outcome).toBe('ok');
      // Said in the log too, not only on the timeline.
      expect(logger.lines.find((l) => l.startsWith('error record: BR-1: '))).toMatch(/changed outside breachdesk before this change\. Recorded as timeline entry 4; `verify BR-1` names it\./);
      expect((await say('log BR-1 a note after it')).outcome).toBe('ok');
      expect(logger.lines.filter((l) => l.startsWith('error record: BR-1: '))).toHaveLength(1);
      const incident = (await runtime.store.get('BR-1'))!;
      const found = incident.timeline[3]!;
      expect(found).toMatchObject({ action: FACTS_MISMATCH_ACTION, actor: { id: 'system' } });
      expect(found.text).toContain('they were changed outside breachdesk before this change');
      const verify = await say('verify BR-1');
      expect(verify.outcome).toBe('refused');
      expect(verify.text).toMatch(/^RECORD BROKEN: BR-1: its facts were changed outside breachdesk before timeline entry 4 \(2025-03-01T12:00:00.000Z\): that change found them different from the digest recorded before it/);
      const exported = JSON.parse(Buffer.from((await say('export BR-1 --format json')).file!.content).toString('utf8'));
      expect(exported.record).toMatchObject({ chain: 'broken', facts: 'changed' });
    } finally {
      await runtime.close();
    }
  });

  it('a note (appended through the store) after the edit records and logs the mismatch the same way', async () => {
    const store = await storeWithIncidents(1);
    editHead(store, 'BR-1', (h) => (h.organization.name = 'Another Hospital'));
    const { runtime, logger, say } = await open(store.dataPath);
    try {
      expect((await say('log BR-1 Board informed')).outcome).toBe('ok');
      const incident = (await runtime.store.get('BR-1'))!;
      expect(incident.timeline.map((e) => e.action).slice(3)).toEqual([FACTS_MISMATCH_ACTION, 'note']);
      expect(logger.lines.find((l) => l.startsWith('error record: BR-1: '))).toContain('Recorded as timeline entry 4');
      expect((await say('verify BR-1')).data).toMatchObject({ chain: 'broken', facts: 'changed', problem: { list: 'facts', entry: 4 } });
    } finally {
      await runtime.close();
    }
  });

  it('an edited chained list is still named as before (the chain first, then the facts)', async () => {
    const store = await storeWithIncidents(1);
    editHead(store, 'BR-1', (h) => {
      h.affected.total = 9;
      h.chain.head = '0'.repeat(64);
    });
    const { runtime, say } = await open(store.dataPath);
    try {
      const verify = await say('verify BR-1');
      expect(verify.outcome).toBe('refused');
      expect(verify.data).toMatchObject({ chain: 'broken', facts: 'not_checked', problem: { list: 'chain' } });
    } finally {
      await runtime.close();
    }
  });
});

describe('changes through breachdesk', () => {
  it('every kind of change records the digest of the state it leaves, and verify passes after each', async () => {
    const t = createTestBot('2025-03-19T08:00:00Z');
    const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack', channel: { platform: 'slack', id: 'C1', name: 'breach-room' } });
    const commands = [
      'new EHR vendor breach --discovered "2025-03-10 09:00" --tz America/Chicago --affected 1500',
      'set BR-1 affected.byJurisdiction.US-TX 310',
      'set BR-1 status investigating',
      'set BR-1 commander <@U0123>',
      'link BR-1',
      'done BR-1 US-TX-BREACH:attorney_general --note "AG portal confirmation TX-2025-0042"',
      'delay BR-1 --oral --agency FBI --official "SA Jane Doe" --at "2025-03-18 15:00"',
      'assess BR-1 --nature "names and diagnoses" --person "unknown actor" --acquired "exfiltrated" --mitigation "none possible" --conclusion breach',
      'member add BR-1 slack:U0999',
      'task add BR-1 Call the insurer',
      'clock add BR-1 --to "Cyber insurer" --within 72h --from "2025-03-18 09:00" --basis "Policy section 4.2"',
      'snooze BR-1 CONTRACT-1 --for 4h --reason "waiting for the broker"',
      'ack BR-1 CONTRACT-1',
      'log BR-1 Outside counsel engaged',
      'unlink BR-1',
    ];
    let entries = 0;
    for (const command of commands) {
      const reply = await say(command);
      expect(reply.outcome, `${command}: ${reply.text}`).toBe('ok');
      const incident = (await t.store.get('BR-1'))!;
      expect(incident.timeline.length, command).toBeGreaterThan(entries);
      entries = incident.timeline.length;
      // Each new entry carries the digest of the state now stored.
      expect(incident.timeline.at(-1)!.stateDigest, command).toBe(stateDigest(incident));
      const verify = await say('verify BR-1');
      expect(verify.outcome, `verify after ${command}: ${verify.text}`).toBe('ok');
      expect(verify.data, command).toMatchObject({ chain: 'intact', facts: 'covered' });
    }
    const incident = (await t.store.get('BR-1'))!;
    expect(incident.timeline.every((e) => /^[0-9a-f]{64}$/.test(e.stateDigest ?? ''))).toBe(true);
    expect(incident.timeline.some((e) => e.action === FACTS_MISMATCH_ACTION)).toBe(false);
  });

  it('what changes without a timeline entry (delivery intents, anchoring, the legacy seal) leaves verify passing', async () => {
    const t = createTestBot(NOW);
    const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'terminal', channel: { platform: 'terminal', id: 'terminal' } });
    expect((await say('new Stolen laptop --discovered "2025-02-28 10:00" --affected 40')).outcome).toBe('ok');
    const ctx = { store: t.store, actor: SYSTEM_ACTOR, now: new Date(NOW) };
    await applyBookkeeping(ctx, 'BR-1', recordIntent('k1', 'slack:C1', new Date(NOW)));
    expect((await t.store.get('BR-1'))!.outbox).toHaveLength(1);
    expect((await say('verify BR-1')).data).toMatchObject({ chain: 'intact', facts: 'covered' });
    const delivery = { key: 'k1', obligation: 'digest', step: 'daily', dueAt: '2025-03-01T12:00:00.000Z', channel: 'slack:C1', outcome: 'delivered' as const, at: NOW, late: false };
    await applyBookkeeping(ctx, 'BR-1', recordDelivered([delivery], false));
    const notifier = { platforms: ['slack' as const], post: async () => ({ messageId: 'm1' }) };
    await postAnchor({ store: t.store, notifier, channel: { platform: 'slack', id: 'CSEC' } }, [(await t.store.get('BR-1'))!], new Date(NOW), 'daily');
    const incident = (await t.store.get('BR-1'))!;
    expect(incident.chain?.anchored?.messageId).toBe('m1');
    expect(incident.deliveries).toHaveLength(1);
    expect((await say('verify BR-1')).data).toMatchObject({ chain: 'intact', facts: 'covered' });
    // A later change finds nothing to report.
    expect((await say('log BR-1 after the reminder')).outcome).toBe('ok');
    expect((await t.store.get('BR-1'))!.timeline.some((e) => e.action === FACTS_MISMATCH_ACTION)).toBe(false);
  });
});

/** An incident as the previous version wrote it: chained entries without state digests. */
function olderRecord(id: string): Incident {
  const base = makeIncident(id, usHospitalFacts(), '2025-02-20T15:00:00Z');
  const entry = { at: '2025-02-20T15:00:00.000Z', actor: { id: 'U1', name: 'Ada', platform: 'slack' as const }, action: 'incident.opened', text: 'Opened' };
  return appendChained(base, 'timeline', [entry, { ...entry, at: '2025-02-21T10:00:00.000Z', action: 'note', text: 'Board informed' }], new Date('2025-02-21T10:00:00Z'));
}

describe('fields added to the schema later', () => {
  it('leave digests recorded before them matching while they hold an empty default (null, [], {}), and count once answered', () => {
    const incident = makeIncident('BR-1', usHospitalFacts());
    const before = stateDigest(incident);
    // What a record read by a later build looks like: the new question unanswered, a new list and map still empty.
    const later = { ...incident, organization: { ...incident.organization, someNewQuestion: null }, someNewList: [], someNewMap: { inner: null } };
    expect(stateDigest(later)).toBe(before);
    // Answered, or a real value anywhere, it is part of the state.
    expect(stateDigest({ ...later, organization: { ...later.organization, someNewQuestion: false } })).not.toBe(before);
    expect(stateDigest({ ...incident, affected: { ...incident.affected, total: (incident.affected.total ?? 0) + 1 } })).not.toBe(before);
  });
});

describe('a record written before state digests', () => {
  it('passes verify with a note that its facts are not covered yet, then "not covered before" the first covered change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-digest-old-'));
    const dataPath = join(dir, 'store.json');
    const store = await openFileStore(dataPath, new Date(NOW));
    // Written as the earlier version wrote it, straight through the store (no digest).
    await store.create(() => olderRecord('BR-1'));
    await store.close();
    const { runtime, logger, say } = await open(dataPath);
    try {
      expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
      const before = await say('verify BR-1');
      expect(before.outcome).toBe('ok');
      expect(before.text).toContain('Facts: not covered by the chain yet (every timeline entry predates state digests); the next change through breachdesk records one.');
      expect(before.data).toMatchObject({ chain: 'intact', facts: 'not_covered' });
      expect((await say('set BR-1 affected 1250')).outcome).toBe('ok');
      const after = await say('verify BR-1');
      expect(after.outcome).toBe('ok');
      expect(after.text).toContain('Facts: they match the state digest recorded by timeline entry 3 (2025-03-01T12:00:00.000Z); not covered by the chain before 2025-03-01T12:00:00.000Z (entries written before state digests).');
      expect(after.data).toMatchObject({ chain: 'intact', facts: 'covered', factsCoveredSince: '2025-03-01T12:00:00.000Z' });
      const md = Buffer.from((await say('export BR-1 --format md')).file!.content).toString('utf8');
      expect(md).toMatch(/Facts at export.*they match the state digest recorded by timeline entry 3.*not covered by the chain before 2025-03-01T12:00:00.000Z/);
    } finally {
      await runtime.close();
    }
  });
});

describe('export and verify-export', () => {
  async function exported() {
    const t = createTestBot('2025-03-19T08:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const say = (text: string) => t.bot.handle({ text, actor: admin, platform: 'slack', channel: { platform: 'slack', id: 'C1' } });
    expect((await say('set BR-1 affected 1300')).outcome).toBe('ok');
    expect((await say('log BR-1 Outside counsel engaged')).outcome).toBe('ok');
    const reply = await say('export BR-1 --format json');
    return { say, doc: JSON.parse(Buffer.from(reply.file!.content).toString('utf8')) };
  }

  it('an unedited export passes and says its facts match; the export records the verdict', async () => {
    const { say, doc } = await exported();
    expect(doc.record).toMatchObject({ chain: 'intact', facts: 'covered' });
    const check = await say(`verify-export ${JSON.stringify(doc)}`);
    expect(check.outcome).toBe('ok');
    expect(check.text).toContain('Facts: they match the state digest recorded by timeline entry 2');
    expect(check.data).toMatchObject({ chain: 'intact', facts: 'covered' });
  });

  it.each([
    ['the discovery date', (d: any) => (d.discoveredAt = '2025-02-27T09:00:00-06:00')],
    ['the affected count', (d: any) => (d.affected.total = 12)],
    ['an organization flag', (d: any) => (d.organization.secRegistrant = true)],
    ['a notice', (d: any) => d.notices.push({ obligation: 'US-HIPAA-164.408-HHS', sentAt: '2025-03-01T09:00:00-06:00' })],
  ])('an export whose facts were edited after export (%s) fails verify-export, its chain still intact', async (_what, edit) => {
    const { say, doc } = await exported();
    const edited = structuredClone(doc);
    edit(edited);
    const check = await say(`verify-export ${JSON.stringify(edited)}`);
    expect(check.outcome).toBe('refused');
    expect(check.text).toContain(`Chain: intact, head ${doc.chain.head}.`);
    expect(check.text).toMatch(/Facts: CHANGED: its facts were changed outside breachdesk after its last recorded change \(timeline entry 2, /);
    expect(check.data).toMatchObject({ chain: 'intact', facts: 'changed' });
  });

  it('members the export adds around the incident are not facts: a changed exportedBy leaves the facts matching', async () => {
    const { say, doc } = await exported();
    const check = await say(`verify-export ${JSON.stringify({ ...doc, exportedBy: 'someone else', record: { ...doc.record, howToVerify: 'x' } })}`);
    expect(check.outcome).toBe('ok');
    expect(check.data).toMatchObject({ facts: 'covered' });
  });
});

describe('reads', () => {
  it('show, deadlines, summary, members and export add no state digest: their access-log lines carry none and the timeline is unchanged', async () => {
    const store = await storeWithIncidents(1);
    const before = journalOf(store, 'BR-1');
    const { runtime, say } = await open(store.dataPath);
    try {
      for (const command of ['show BR-1', 'deadlines BR-1', 'deadlines BR-1 --json', 'summary BR-1', 'members BR-1', 'export BR-1 --format json', 'verify BR-1']) {
        expect((await say(command)).outcome, command).toBe('ok');
      }
      const incident = (await runtime.store.get('BR-1'))!;
      expect(incident.timeline).toHaveLength(3);
      expect(incident.accessLog.length).toBeGreaterThanOrEqual(7);
      expect(incident.accessLog.some((e) => 'stateDigest' in e)).toBe(false);
    } finally {
      await runtime.close();
    }
    const after = journalOf(store, 'BR-1');
    expect(after.startsWith(before)).toBe(true);
    const added = after.slice(before.length).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(added.length).toBeGreaterThanOrEqual(7);
    expect(added.every((l) => Object.keys(l).join() === 'accessLog' && !('stateDigest' in l.accessLog))).toBe(true);
    expect(timelineLines(after)).toEqual(timelineLines(before));
  });
});
