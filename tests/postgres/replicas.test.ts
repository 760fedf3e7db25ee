// Two real `npm start` processes on one PostgreSQL database: both answer Slack, one schedules; SIGKILL the leader and
// the other takes over, and every reminder reaches Slack exactly once. Concurrent commands to both lose nothing, and a
// Slack retry or Teams redelivery reaching the other replica runs once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentSchema } from '../../bot/model/incident-schema.ts';
import { openPostgresStore, type PostgresStore } from '../../data/postgres/postgres-store.ts';
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { fixture } from '../teams/helpers/teams-harness.ts';
import { startFakeConnector, type FakeConnector } from '../teams/helpers/fake-connector.ts';
import { postToApp, signatureHeaders, slashBody } from '../slack/signed-request.ts';
import { freshDatabase, postgresUrl } from './databases.ts';

const ROOT = join(import.meta.dirname, '..', '..');
// What `npm start` runs once its build check passes: the bundled bot (the test setup builds it).
const MAIN = join(ROOT, 'bin', 'bot.js');
const SECRET = 'replica-test-secret';

interface Replica {
  name: string;
  child: ChildProcess;
  port: number;
  log: string[];
  exited: Promise<unknown>;
}

let slack: FakeSlack;
let teams: FakeConnector;
const TEAMS_CONVERSATION = '19:incident-after@thread.tacv2';
let db: Awaited<ReturnType<typeof freshDatabase>>;
let store: PostgresStore;
const replicas: Replica[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startReplica(name: string): Promise<Replica> {
  const home = mkdtempSync(join(tmpdir(), `breachdesk-replica-${name}-`));
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: home,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: home,
      // Debug level: each completed scheduler tick is logged, so the test waits for ticks instead of sleeping.
      BREACHDESK_LOG_LEVEL: 'debug',
      BREACHDESK_DATA: db.url, BREACHDESK_TICK_SECONDS: '1', BREACHDESK_LEADER_POLL_SECONDS: '1', PORT: String(port), HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
      BREACHDESK_TEAMS_ANONYMOUS: '1',
      // The Slack user of the slash-command fixture and the Teams user of the mention fixture may change every incident.
      BREACHDESK_ADMINS: 'slack:U0SAM00001,teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5',
    },
  });
  const log: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const replica = { name, child, port, log, exited: new Promise((resolve) => child.once('exit', resolve)) };
  replicas.push(replica);
  await until(() => log.join('').includes('breachdesk listening on port'), `${name} to listen`);
  return replica;
}

const leads = (r: Replica) => r.log.join('').includes('holds the scheduler lease');
/** How many times `text` occurs in the logs of `among` (every replica by default). */
const logged = (text: string, among: Replica[] = replicas) => among.reduce((n, r) => n + r.log.join('').split(text).length - 1, 0);
const ticks = (r: Replica) => logged('scheduler: tick done', [r]);
const allLogs = () => replicas.map((r) => `--- ${r.name}\n${r.log.join('')}`).join('\n');

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 40_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; logs:\n${allLogs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An incident whose GDPR 72-hour clock ends in 30 minutes, linked to a Slack channel (and a Teams one): one reminder is due at once. */
function dueIncident(channel: string, withTeams = false) {
  return (id: string) => {
    const discoveredAt = new Date(Date.now() - 71.5 * 3_600_000).toISOString();
    return IncidentSchema.parse({
      id, title: `Lab ransomware ${channel}`, createdAt: discoveredAt, updatedAt: discoveredAt, discoveredAt,
      organization: { name: 'Klinikum Beispiel', role: 'controller', country: 'DE', timezone: 'Europe/Berlin' },
      affected: { total: 1200, byJurisdiction: { DE: 1200 } }, gdprRisk: 'risk',
      channels: [
        { platform: 'slack', id: channel, linkedAt: discoveredAt, linkedBy: 'dpo' },
        ...(withTeams ? [{
          platform: 'teams', id: TEAMS_CONVERSATION, linkedAt: discoveredAt, linkedBy: 'dpo',
          reference: { channelId: 'msteams', serviceUrl: teams.serviceUrl, conversation: { id: TEAMS_CONVERSATION, isGroup: true }, bot: { id: '28:breachdesk', name: 'breachdesk' } },
        }] : []),
      ],
    });
  };
}

const postsTo = (channel: string) => slack.callsOf('chat.postMessage').filter((c) => c.body.channel === channel);
const remindersTo = (channel: string) => postsTo(channel).filter((c) => String(c.body.text).includes('Deadline reminder'));

describe.runIf(postgresUrl)('two replicas on one PostgreSQL database', () => {
  beforeAll(async () => {
    slack = await startFakeSlack();
    teams = await startFakeConnector();
    db = await freshDatabase();
    store = await openPostgresStore(db.url, { listen: false });
  });
  afterAll(async () => {
    for (const r of replicas) {
      r.child.kill('SIGTERM');
      await r.exited;
    }
    await store?.close();
    await slack?.close();
    await teams?.close();
    await db?.drop();
  });

  it('moves scheduling to the survivor when the leader is killed, delivering every reminder once', { timeout: 120_000 }, async () => {
    for (const channel of ['C0BEFORE1', 'C0BEFORE2']) await store.create(dueIncident(channel));
    const first = await startReplica('first');
    await until(() => leads(first), 'the first replica to lead');
    const second = await startReplica('second');
    await until(() => remindersTo('C0BEFORE1').length > 0 && remindersTo('C0BEFORE2').length > 0, 'the leader to deliver');
    expect(leads(second)).toBe(false);
    // Killed once what it posted is recorded (a post still in flight at the kill may be repeated: README's guarantee).
    const recorded = async (id: string, channel: string) => (await store.get(id))!.deliveries.filter((d) => d.outcome === 'delivered').length === postsTo(channel).length;
    await until(async () => (await recorded('BR-1', 'C0BEFORE1')) && (await recorded('BR-2', 'C0BEFORE2')), 'the leader to record its deliveries');

    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    // Due while no replica schedules: the survivor must pick it up when it takes over.
    await store.create(dueIncident('C0AFTER01', true));
    await until(() => leads(second), 'the survivor to take the lease');
    // Lease poll 1 s; the server frees a killed process's lock as soon as its connection closes.
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    const teamsReminders = () => teams.captured.filter((a) => a.conversationId === TEAMS_CONVERSATION && JSON.stringify(a.body).includes('Deadline reminder'));
    await until(() => remindersTo('C0AFTER01').length > 0 && teamsReminders().length > 0, 'the survivor to deliver to Slack and Teams');
    await until(async () => (await store.get('BR-3'))!.deliveries.length > 0, 'the delivery to be recorded');
    // Three more completed ticks of the survivor must not repeat anything the dead leader delivered.
    const ticked = ticks(second);
    await until(() => ticks(second) >= ticked + 3, 'three more ticks of the survivor');
    for (const channel of ['C0BEFORE1', 'C0BEFORE2', 'C0AFTER01']) expect(remindersTo(channel), `${channel}\n${allLogs()}`).toHaveLength(1);
    expect(teamsReminders()).toHaveLength(1);
    // Nothing at all was posted twice: every message Slack received is one recorded delivery (digests included).
    for (const [id, channel] of [['BR-1', 'C0BEFORE1'], ['BR-2', 'C0BEFORE2'], ['BR-3', 'C0AFTER01']] as const) {
      const delivered = (await store.get(id))!.deliveries.filter((d) => d.outcome === 'delivered');
      expect(new Set(delivered.map((d) => d.key)).size, id).toBe(delivered.length);
      const onSlack = delivered.filter((d) => d.channel === `slack:${channel}`);
      expect(onSlack.filter((d) => d.obligation === 'EU-GDPR-33-SA'), id).toHaveLength(1);
      expect(postsTo(channel), `${channel}\n${allLogs()}`).toHaveLength(onSlack.length);
    }
  });

  it('loses no timeline entry when both replicas take Slack and Teams commands for one incident at once, and runs a replay once', { timeout: 120_000 }, async () => {
    const a = replicas.find((r) => r.child.exitCode === null && r.child.signalCode === null) ?? (await startReplica('third'));
    const b = await startReplica('fourth');
    const before = (await store.get('BR-1'))!.timeline.length;
    const send = (r: Replica, n: number) => {
      const body = slashBody(`log BR-1 note ${n} from ${r.name}`, slack.responseUrl(`r${n}`));
      return postToApp(`http://127.0.0.1:${r.port}/slack/events`, body, { headers: signatureHeaders(body, SECRET) });
    };
    const sendTeams = async (r: Replica, n: number) => {
      const activity = fixture('channel-mention-message', teams.serviceUrl, { id: `activity-${n}`, text: `<at>breachdesk</at> log BR-1 note ${n} from ${r.name}` });
      const res = await fetch(`http://127.0.0.1:${r.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      return { status: res.status };
    };
    // Slack to one replica and Teams to the other, alternating: 30 notes at once.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => (n % 4 === 0 ? send(a, n) : n % 4 === 1 ? send(b, n) : n % 4 === 2 ? sendTeams(a, n) : sendTeams(b, n))));
    expect(answers.map((x) => x.status)).toEqual(Array(30).fill(200));
    await until(async () => (await store.get('BR-1'))!.timeline.length >= before + 30, 'all 30 notes to be recorded');
    const notes = (await store.get('BR-1'))!.timeline.slice(before).map((e) => e.text);
    expect(notes).toHaveLength(30);
    for (let n = 0; n < 30; n++) expect(notes.some((t) => t.includes(`note ${n} from`)), `note ${n}`).toBe(true);
    expect(notes.some((t) => t.includes(`from ${a.name}`)) && notes.some((t) => t.includes(`from ${b.name}`))).toBe(true);
    const platforms = (await store.get('BR-1'))!.timeline.slice(before).map((e) => e.actor.platform);
    expect(new Set(platforms)).toEqual(new Set(['slack', 'teams']));

    // A Slack retry and a Teams redelivery that land on the other replica still run once: the memory is the database's.
    const ignoredSlack = logged('slack: ignored a replayed request');
    const ignoredTeams = logged('teams: ignored a redelivered activity');
    const replayed = slashBody('log BR-1 replayed slack note', slack.responseUrl('replay'));
    const headers = signatureHeaders(replayed, SECRET);
    for (const r of [a, b]) expect((await postToApp(`http://127.0.0.1:${r.port}/slack/events`, replayed, { headers })).status).toBe(200);
    const redelivered = fixture('channel-mention-message', teams.serviceUrl, { id: 'activity-redelivered', text: '<at>breachdesk</at> log BR-1 redelivered teams note' });
    for (const r of [b, a]) {
      const res = await fetch(`http://127.0.0.1:${r.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(redelivered) });
      expect(res.status).toBeLessThan(300);
    }
    await until(async () => (await store.get('BR-1'))!.timeline.some((e) => e.text.includes('redelivered teams note')), 'the redelivered note');
    // The second delivery of each is either refused (logged) or, wrongly, run a second time: wait for one or the other.
    const timeline = async () => (await store.get('BR-1'))!.timeline.map((e) => e.text);
    const twice = async (note: string) => (await timeline()).filter((t) => t.includes(note)).length > 1;
    await until(async () => (logged('slack: ignored a replayed request') > ignoredSlack || (await twice('replayed slack note')))
      && (logged('teams: ignored a redelivered activity') > ignoredTeams || (await twice('redelivered teams note'))), 'each repeat to be refused or run');
    const texts = await timeline();
    expect(texts.filter((t) => t.includes('replayed slack note'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('redelivered teams note'))).toHaveLength(1);
  });
});
