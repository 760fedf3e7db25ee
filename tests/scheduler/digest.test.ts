// Daily digests (once per local day, at the configured time in the incident's zone, across DST) and the portfolio digest.
import { describe, expect, it } from 'vitest';
import { channel, createWorld, smallUsIncident, type Post, type World } from './helpers.ts';
import { portfolioReply, portfolioSlot } from '../../bot/scheduler/digest.ts';
import { makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';

const isDigest = (p: Post) => p.reply.card?.title.startsWith('Daily digest') ?? false;
const digestTimes = (world: World) => world.notifier.posts.filter(isDigest).map((p) => p.at);

async function tickEvery(world: World, fromIso: string, toIso: string, minutes: number): Promise<void> {
  for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += minutes * 60_000) await world.tickAt(new Date(t).toISOString());
}

describe('daily digest', () => {
  it('posts once per local day at 08:30 Chicago time, including the day DST starts (2025-03-09)', async () => {
    // From 01:00 CST on 03-08 (03-07's digest is no longer "today's").
    const world = createWorld('2025-03-08T07:00:00Z', [smallUsIncident()], { digest: { localTime: '08:30' } });
    await tickEvery(world, '2025-03-08T07:00:00Z', '2025-03-11T00:00:00Z', 15);
    // 08:30 CST = 14:30Z; from 03-09 08:30 CDT = 13:30Z.
    expect(digestTimes(world)).toEqual(['2025-03-08T14:30:00.000Z', '2025-03-09T13:30:00.000Z', '2025-03-10T13:30:00.000Z']);
    const digest = world.notifier.posts.find(isDigest)!;
    expect(digest.reply).toMatchObject({ visibility: 'channel', card: { title: 'Daily digest · BR-1 · Legacy EHR vendor breach' } });
    expect(digest.target).toEqual({ platform: 'slack', id: 'C1' });
  });

  it('follows the day DST ends (2025-11-02: 08:30 CST = 14:30Z)', async () => {
    const world = createWorld('2025-11-01T00:00:00Z', [smallUsIncident()], { digest: { localTime: '08:30' } });
    await tickEvery(world, '2025-11-01T12:00:00Z', '2025-11-02T16:00:00Z', 30);
    expect(digestTimes(world)).toEqual(['2025-11-01T13:30:00.000Z', '2025-11-02T14:30:00.000Z']);
  });

  it("after downtime sends only today's digest (late), once, also across a restart", async () => {
    const world = createWorld('2025-03-08T12:00:00Z', [smallUsIncident()], { digest: { localTime: '08:30' } });
    await world.tickAt('2025-03-08T12:00:00Z');
    await world.tickAt('2025-03-10T20:00:00Z');
    await world.tickAt('2025-03-10T21:00:00Z');
    world.scheduler = world.restart();
    await world.tickAt('2025-03-10T22:00:00Z');
    expect(digestTimes(world)).toEqual(['2025-03-10T20:00:00.000Z']);
    const records = (await world.store.get('BR-1'))!.deliveries.filter((d) => d.obligation === 'digest');
    expect(records.map((d) => [d.step, d.dueAt, d.late])).toEqual([['digest:2025-03-10', '2025-03-10T08:30:00.000-05:00', true]]);
    await world.tickAt('2025-03-11T13:30:00Z');
    expect(digestTimes(world)).toEqual(['2025-03-10T20:00:00.000Z', '2025-03-11T13:30:00.000Z']);
  });

  it('skips closed incidents', async () => {
    const world = createWorld('2025-03-08T14:30:00Z', [{ ...smallUsIncident(), status: 'closed' }], { digest: { localTime: '08:30' } });
    await world.tickAt('2025-03-08T14:30:00Z');
    expect(world.notifier.posts).toEqual([]);
  });
});

describe('portfolio digest', () => {
  it('posts "due in the next 7 days, all incidents" to the privacy-office channel once per day (first open incident’s zone)', async () => {
    const incidents = [
      smallUsIncident({}, [channel('slack', 'C1')], 'BR-1'),
      // Discovered 2025-03-10: HIPAA individuals due 2025-05-09, outside the 7-day window on 04-15.
      smallUsIncident({ title: 'Phishing at the clinic', discoveredAt: '2025-03-10T09:00:00-05:00' }, [channel('slack', 'C2')], 'BR-2'),
    ];
    const portfolioChannel = { platform: 'slack' as const, id: 'C-PRIV' };
    const world = createWorld('2025-04-15T13:00:00Z', incidents, { digest: { localTime: '08:30', portfolioChannel } });
    const portfolio = () => world.notifier.posts.filter((p) => p.target.id === 'C-PRIV');
    await world.tickAt('2025-04-15T13:29:00Z');
    expect(portfolio()).toEqual([]);
    await world.tickAt('2025-04-15T13:30:00Z');
    await world.tickAt('2025-04-15T13:45:00Z');
    world.scheduler = world.restart();
    await world.tickAt('2025-04-15T14:00:00Z');
    expect(portfolio().map((p) => p.at)).toEqual(['2025-04-15T13:30:00.000Z']);
    const text = portfolio()[0]!.reply.text;
    expect(text).toContain('Portfolio digest 2025-04-15: due in the next 7 days, all incidents');
    expect(text).toContain('BR-1 · each affected individual');
    expect(text).toContain('due 2025-04-21 23:59 CDT (in 6 days 15 hours)');
    expect(text).not.toContain('BR-2 ·');
    expect(portfolio()[0]!.reply.visibility).toBe('channel');
    expect((await world.store.get('BR-1'))!.deliveries.filter((d) => d.obligation === 'portfolio').map((d) => [d.step, d.channel])).toEqual([['portfolio:2025-04-15', 'slack:C-PRIV']]);
    await world.tickAt('2025-04-16T13:29:00Z');
    await world.tickAt('2025-04-16T13:30:00Z');
    expect(portfolio().map((p) => p.at)).toEqual(['2025-04-15T13:30:00.000Z', '2025-04-16T13:30:00.000Z']);
  });
});

describe('portfolio digest in French', () => {
  // Discovered 2025-04-14 09:00 Paris (CEST, UTC+2): the CNIL notice is due 72 h later, 17/04/2025 09:00 CEST.
  const french = () => ({ ...makeIncident('BR-1', { ...frenchHospitalFacts(), discoveredAt: '2025-04-14T09:00:00+02:00' }), channels: [channel('slack', 'C1')] });

  it('is written in French when every incident listed belongs to a French organization', async () => {
    const portfolioChannel = { platform: 'slack' as const, id: 'C-PRIV' };
    const world = createWorld('2025-04-15T06:00:00Z', [french()], { digest: { localTime: '08:30', portfolioChannel } });
    // 08:30 in Paris (CEST) is 06:30Z.
    await world.tickAt('2025-04-15T06:30:00Z');
    const post = world.notifier.posts.find((p) => p.target.id === 'C-PRIV')!;
    const lines = post.reply.text.split('\n');
    expect(lines[0]).toBe('Synthèse du portefeuille du 15/04/2025\u00a0: échéances des 7 prochains jours, tous incidents');
    expect(lines[1]).toBe('1 incident ouvert');
    // The SSI notice was due by the end of the discovery day, 14/04 23:59 CEST: 8 h 30 min before 15/04 08:30.
    expect(lines[2]).toBe('En retard (1)\u00a0:');
    expect(lines[3]).toMatch(/^ {2}BR-1 · .*: échéance 14\/04\/2025 23:59 CEST \(en retard de 8 heures 30 minutes\) · CSP art\. L\.1111-8-2/);
    expect(lines[4]).toBe('À échéance dans les 7 prochains jours (1)\u00a0:');
    // From 15/04 08:30 to 17/04 09:00 CEST is 2 days 0 hours 30 minutes: the two largest units, the zero one dropped.
    expect(lines[5]).toMatch(/^ {2}BR-1 · CNIL .*: échéance 17\/04\/2025 09:00 CEST \(dans 2 jours\) · RGPD art\. 33$/);
    expect(post.reply.card!.footer).toBe('Jour de la synthèse en Europe/Paris');
  });

  it('reads English for a mixed portfolio, and the language the caller names otherwise', () => {
    const now = new Date('2025-04-15T06:30:00Z');
    const row = { due: Date.parse('2025-04-17T07:00:00Z'), overdue: false, line: 'BR-1 · CNIL: due 2025-04-17 09:00 CEST' };
    expect(portfolioReply([row, { ...row, lang: 'fr' as const }], 2, now, 'Europe/Paris').text).toMatch(/^Portfolio digest 2025-04-15: due in the next 7 days, all incidents\n2 open incidents\n/);
    expect(portfolioReply([row], 1, now, 'Europe/Paris', 'fr').text).toMatch(/^Synthèse du portefeuille du 15\/04\/2025\u00a0: /);
  });

  it('names the language of the organization whose zone sets the digest day', () => {
    const now = new Date('2025-04-15T06:30:00Z');
    expect(portfolioSlot(french(), { localTime: '08:30' }, now)).toMatchObject({ zone: 'Europe/Paris', day: '2025-04-15', lang: 'fr' });
    expect(portfolioSlot(smallUsIncident(), { localTime: '08:30' }, now).lang).toBe('en');
  });
});
