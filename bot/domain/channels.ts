// Linking and unlinking channels: which channels get an incident's reminders and summaries.
import type { ChannelLink, Incident } from '../model/incident-schema.ts';
import { CommandRefusedError } from '../errors.ts';
import { unchanged, type Decision } from './change.ts';

/** The channel a `link` / `unlink` came from. */
export interface ChannelIntent {
  platform: ChannelLink['platform'];
  id: string;
  name?: string;
  reference?: unknown;
}

const same = (a: { platform: string; id: string }, b: { platform: string; id: string }) => a.platform === b.platform && a.id === b.id;
const label = (c: ChannelIntent) => `${c.platform} channel ${c.name ?? c.id}`;

/**
 * Link the channel (or refresh its reference). Nothing is recorded when it is linked already with the same reference
 * and its link is live (`isLive(linkedByKey)`: a link made by someone no longer on the team sends nothing, so linking
 * again by a member revives it).
 */
export const linkChannel = (channel: ChannelIntent, by: { name: string; key: string }, isLive: (linkedByKey: string, current: Incident) => boolean, now: Date) => (current: Incident): Decision => {
  const existing = current.channels.find((c) => same(c, channel));
  const live = existing?.linkedByKey === undefined || isLive(existing.linkedByKey, current);
  if (existing && live && JSON.stringify(existing.reference) === JSON.stringify(channel.reference)) return unchanged(current);
  const link: ChannelLink = {
    platform: channel.platform, id: channel.id, ...(channel.name ? { name: channel.name } : {}),
    linkedAt: now.toISOString(), linkedBy: by.name, linkedByKey: by.key, ...(channel.reference !== undefined ? { reference: channel.reference } : {}),
  };
  return {
    next: { ...current, channels: [...current.channels.filter((l) => !same(l, channel)), link] },
    events: [{ action: 'channel.linked', text: `Linked ${label(channel)}` }],
  };
};

/** Unlink the channel; refused when it is not linked. */
export const unlinkChannel = (channel: ChannelIntent) => (current: Incident): Decision => {
  if (!current.channels.some((c) => same(c, channel))) throw new CommandRefusedError(`This channel is not linked to ${current.id}.`);
  return {
    next: { ...current, channels: current.channels.filter((l) => !same(l, channel)) },
    events: [{ action: 'channel.unlinked', text: `Unlinked ${label(channel)}` }],
  };
};
