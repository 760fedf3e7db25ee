// Reminders and digests go only to channels linked by a current member of the response team or an admin.
import { describe, expect, it } from 'vitest';
import { channel, createWorld, smallUsIncident } from './helpers.ts';

const ACCESS = { admins: ['slack:U0ADMIN001'], openers: [] };

describe('reminders follow the response team', () => {
  it('posts to the channel a member linked, not to the one a removed member linked, nor to one an outsider linked', async () => {
    const incident = smallUsIncident({}, [
      { ...channel('slack', 'C-MEMBER'), linkedByKey: 'slack:U0MEMBER01' },
      { ...channel('slack', 'C-ADMIN'), linkedByKey: 'slack:U0ADMIN001' },
      { ...channel('slack', 'C-GONE'), linkedByKey: 'slack:U0GONE0001' },
    ]);
    const world = createWorld('2025-03-08T15:00:00Z', [{ ...incident, members: [{ key: 'slack:U0MEMBER01', addedBy: 'slack:U0ADMIN001', addedAt: '2025-02-21T10:00:00Z' }] }], {
      access: ACCESS, digest: { localTime: '08:30' },
    });
    await world.tickAt('2025-03-08T15:00:00Z');
    const targets = new Set(world.notifier.posts.map((p) => p.target.id));
    expect(world.notifier.posts.length).toBeGreaterThan(0);
    expect([...targets].sort()).toEqual(['C-ADMIN', 'C-MEMBER']);
  });
});
