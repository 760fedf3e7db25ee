// Membership decisions and the access log, applied through the one change path.
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../bot/domain/change.ts';
import { decideAccess, decideAddMembers, decideRemoveMember } from '../../bot/domain/membership.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';

const OPENER = { id: 'U0OPENER1', name: 'olga', platform: 'slack' as const };
const NOW = new Date('2025-03-01T12:00:00Z');

function setup() {
  const incident = {
    ...makeIncident('BR-1', usHospitalFacts({ roles: { commander: '<@U0COMMAND1>' } })),
    timeline: [{ at: '2025-02-20T15:00:00.000Z', actor: OPENER, action: 'incident.opened', text: 'Opened' }],
  };
  const store = createMemoryStore([incident]);
  return { store, ctx: { store, actor: OPENER, now: NOW } };
}

describe('membership decisions', () => {
  it('adds new people once, skipping the opener, role holders and existing members, each on the timeline', async () => {
    const { store, ctx } = setup();
    const first = await applyChange(ctx, 'BR-1', decideAddMembers(['slack:U0MEMBER01', 'slack:U0OPENER1', 'slack:U0COMMAND1', 'slack:U0MEMBER01'], 'slack:U0OPENER1', NOW));
    expect(first.events.map((e) => e.text)).toEqual(['Added slack:U0MEMBER01 to the response team']);
    const again = await applyChange(ctx, 'BR-1', decideAddMembers(['slack:U0MEMBER01'], 'slack:U0OPENER1', NOW));
    expect(again.events).toEqual([]);
    const stored = (await store.get('BR-1'))!;
    expect(stored.members).toEqual([{ key: 'slack:U0MEMBER01', addedBy: 'slack:U0OPENER1', addedAt: '2025-03-01T12:00:00.000Z' }]);
    expect(stored.timeline.at(-1)).toMatchObject({ action: 'member.added', actor: OPENER });
  });

  it('refuses to remove the opener or a role holder, and removes an added member', async () => {
    const { store, ctx } = setup();
    await applyChange(ctx, 'BR-1', decideAddMembers(['slack:U0MEMBER01'], 'slack:U0OPENER1', NOW));
    await expect(applyChange(ctx, 'BR-1', decideRemoveMember('slack:U0OPENER1'))).rejects.toThrow(/opened BR-1 and stays on its response team/);
    await expect(applyChange(ctx, 'BR-1', decideRemoveMember('slack:U0COMMAND1'))).rejects.toThrow(/is BR-1's commander; give the role to someone else with `set BR-1 commander <user>`/);
    await expect(applyChange(ctx, 'BR-1', decideRemoveMember('slack:U0NOBODY1'))).rejects.toThrow(/is not a member/);
    await applyChange(ctx, 'BR-1', decideRemoveMember('slack:U0MEMBER01'));
    expect((await store.get('BR-1'))!.members).toEqual([]);
  });

  it('appends an access event without touching the timeline or updatedAt', async () => {
    const { store, ctx } = setup();
    const before = (await store.get('BR-1'))!;
    const event = { at: '2025-03-01T12:00:00.000Z', kind: 'read' as const, command: 'show', actor: OPENER };
    await applyChange(ctx, 'BR-1', decideAccess(event));
    const after = (await store.get('BR-1'))!;
    // The entry is the event, sealed into the access log's hash chain (prev, hash).
    expect(after.accessLog).toEqual([{ ...event, prev: expect.stringMatching(/^[0-9a-f]{64}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.updatedAt).toBe(before.updatedAt);
  });
});
