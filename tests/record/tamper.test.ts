// Editing, deleting or reordering an entry in a stored incident file is detected by `verify` and at start-up, which
// report it loudly (log line, `list` marker, `show` banner) and rewrite nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import { openRuntime, type RecordCheckMode, type Runtime } from '../../adapters/runtime.ts';
import { createMemoryLogger } from '../helpers/test-bot.ts';

const CORE = { defaultTimezone: 'America/Chicago', defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' }, admins: [], openers: [] };
const sam = { id: 'sam', name: 'Sam' };

async function open(dataPath: string, recordCheck?: RecordCheckMode) {
  const logger = createMemoryLogger();
  const runtime = await openRuntime({ dataPath, clock: createManualClock('2025-03-01T12:00:00Z'), logger, core: CORE, ...(recordCheck ? { recordCheck } : {}) });
  const say = (text: string) => runtime.bot.handle({ text, actor: sam, platform: 'terminal', channel: { platform: 'terminal', id: 'terminal' } });
  return { runtime, logger, say };
}

/** A store holding BR-1 with four timeline entries, closed; returns the incident file's path. */
async function storeWithHistory(): Promise<{ dataPath: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'breachdesk-tamper-'));
  const dataPath = join(dir, 'store.json');
  const { runtime, say } = await open(dataPath);
  await say('new EHR vendor breach --discovered "2025-02-20 09:00" --affected 1200');
  await say('log BR-1 FBI field office called');
  await say('set BR-1 affected 1300');
  await say('log BR-1 Board informed');
  expect((await say('verify BR-1')).text).toMatch(/chain intact, head [0-9a-f]{64} \(4 timeline entries\)/);
  await runtime.close();
  return { dataPath, file: join(dir, 'store.incidents', 'BR-1.json') };
}

/**
 * Change the stored incident with `edit`, as someone with access to the files would: the timeline lives in the incident's
 * append-only journal (`BR-1.journal`, one JSON line per entry) and the head file (`BR-1.json`) records its length, so
 * a careful tamperer rewrites both to keep the store reading the file. The start-up pack is dropped too.
 */
function tamper(paths: { dataPath: string; file: string }, edit: (incident: { timeline: any[] }) => void, list: 'timeline' | 'accessLog' = 'timeline'): void {
  const head = JSON.parse(readFileSync(paths.file, 'utf8'));
  if (!head.journal) {
    edit(head);
    writeFileSync(paths.file, JSON.stringify(head, null, 2));
  } else {
    const journalFile = paths.file.replace(/\.json$/, '.journal');
    const lines = readFileSync(journalFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const incident = { timeline: lines.filter((l) => list in l).map((l) => l[list]) as any[] };
    edit(incident);
    const rest = lines.filter((l) => !(list in l));
    const out = [...incident.timeline.map((e) => ({ [list]: e })), ...rest];
    const text = out.map((l) => `${JSON.stringify(l)}\n`).join('');
    writeFileSync(journalFile, text);
    // Every line is acknowledged, reads logged past the old mark included (they sit after it until the head is next written).
    const count = (field: string) => out.filter((l) => field in l).length;
    head.journal = { bytes: Buffer.byteLength(text), entries: { timeline: count('timeline'), deliveries: count('deliveries'), accessLog: count('accessLog') } };
    writeFileSync(paths.file, JSON.stringify(head));
  }
  rmSync(`${paths.dataPath.replace(/\.json$/, '')}.incidents.pack`, { force: true });
}

async function expectDetected(paths: { dataPath: string; file: string }, entry: number, reason: RegExp): Promise<void> {
  // The journal holds the history; reads add access-log lines at its end, and nothing before them may change.
  const journal = () => readFileSync(paths.file.replace(/\.json$/, '.journal'), 'utf8');
  const before = journal();
  let runtime: Runtime | undefined;
  try {
    const opened = await open(paths.dataPath);
    runtime = opened.runtime;
    // Start-up: one error line naming the incident and the entry; the bot still runs.
    const line = opened.logger.lines.find((l) => l.startsWith('error record check: BR-1: RECORD BROKEN'));
    expect(line).toMatch(new RegExp(`Timeline entry ${entry}\\b`));
    expect(line).toMatch(reason);
    expect((await opened.say('list')).text).toMatch(/^BR-1 .*RECORD BROKEN \(verify BR-1\)/);
    const verify = await opened.say('verify BR-1');
    expect(verify.outcome).toBe('refused');
    expect(verify.text).toMatch(new RegExp(`Timeline entry ${entry}\\b`));
    expect(verify.data).toMatchObject({ chain: 'broken', problem: { list: 'timeline', entry } });
    const show = await opened.say('show BR-1');
    expect(show.text.split('\n')[0]).toMatch(/^⚠ RECORD BROKEN: BR-1's stored record does not match its hash chain/);
    expect(show.card?.sections?.[0]?.heading).toContain('Record broken');
  } finally {
    await runtime?.close();
  }
  // Nothing was rewritten: not at start-up, not by verify, list or show.
  const after = journal();
  expect(after.startsWith(before)).toBe(true);
  expect(after.slice(before.length).split('\n').filter(Boolean).every((l) => 'accessLog' in JSON.parse(l))).toBe(true);
}

describe('tampering with a stored incident file', () => {
  it('an edited entry is named as edited', async () => {
    const paths = await storeWithHistory();
    tamper(paths, (i) => (i.timeline[1].text = 'Nobody called'));
    await expectDetected(paths, 2, /was edited after it was written/);
  });

  it('a deleted entry is named at the entry that no longer follows its predecessor', async () => {
    const paths = await storeWithHistory();
    tamper(paths, (i) => i.timeline.splice(1, 1));
    // Entry 3 (now stored second) points at the removed entry 2.
    await expectDetected(paths, 2, /does not follow entry 1: an entry before it was removed, inserted or reordered/);
  });

  it('the last entry deleted is named as missing', async () => {
    const paths = await storeWithHistory();
    tamper(paths, (i) => i.timeline.pop());
    await expectDetected(paths, 4, /is missing: the chain records 4 entries, 3 are stored/);
  });

  it('two entries swapped are named at the first one out of place', async () => {
    const paths = await storeWithHistory();
    tamper(paths, (i) => ([i.timeline[1], i.timeline[2]] = [i.timeline[2], i.timeline[1]]));
    await expectDetected(paths, 2, /does not follow entry 1/);
  });

  it('an entry edited together with its own hash still breaks the link to the next one', async () => {
    const paths = await storeWithHistory();
    const { linkHash } = await import('../../bot/record/chain.ts');
    tamper(paths, (i) => {
      i.timeline[1].text = 'Nobody called';
      i.timeline[1].hash = linkHash(i.timeline[1], i.timeline[1].prev);
    });
    await expectDetected(paths, 3, /does not follow entry 2/);
  });

  it('an edited access-log entry is named too', async () => {
    const paths = await storeWithHistory();
    // Entry 1 of the access log is the `verify` read made while the history was written.
    tamper(paths, (i) => (i.timeline[0].actor.name = 'Somebody else'), 'accessLog');
    const { runtime, logger, say } = await open(paths.dataPath);
    try {
      expect(logger.lines.find((l) => l.startsWith('error record check: BR-1: RECORD BROKEN'))).toMatch(/Access-log entry 1 \(2025-03-01T12:00:00.000Z, read verify\) was edited after it was written/);
      expect((await say('verify BR-1')).data).toMatchObject({ chain: 'broken', problem: { list: 'accessLog', entry: 1 } });
    } finally {
      await runtime.close();
    }
  });

  it('an intact store starts without an error line and keeps working', async () => {
    const paths = await storeWithHistory();
    const { runtime, logger, say } = await open(paths.dataPath);
    try {
      expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
      expect(logger.lines).toContain('info record check: 1 incident(s) verified, 0 broken');
      expect((await say('list')).text).not.toContain('BROKEN');
    } finally {
      await runtime.close();
    }
  });

  it('a one-shot command about another incident checks that one only; the broken record is still caught when shown', async () => {
    const paths = await storeWithHistory();
    const second = await open(paths.dataPath);
    await second.say('new Lost laptop --discovered "2025-02-25 09:00" --affected 40');
    await second.runtime.close();
    tamper(paths, (i) => (i.timeline[1].text = 'Nobody called'));
    // As the CLI opens the store for `deadlines BR-2`: BR-2 verified, BR-1 not read at start-up.
    const { runtime, logger, say } = await open(paths.dataPath, { only: ['BR-2'] });
    try {
      expect(logger.lines).toContain('info record check: 1 incident(s) verified, 0 broken');
      expect(logger.lines.filter((l) => l.startsWith('error'))).toEqual([]);
      expect((await say('deadlines BR-2')).outcome).toBe('ok');
      // `show` verifies its own incident: the banner is there all the same.
      expect((await say('show BR-1')).text.split('\n')[0]).toMatch(/^⚠ RECORD BROKEN: BR-1's stored record/);
    } finally {
      await runtime.close();
    }
  });
});
