// Anchoring: the chain heads are posted to a channel the security team owns, so a later edit on the server cannot
// also rewrite what was posted. Each anchored incident records the head it posted (never a timeline entry: anchoring
// must not change the head it anchors).
import type { Incident } from '../model/incident-schema.ts';
import type { ChannelTarget, IncidentStore, Notifier } from '../ports.ts';
import type { Reply } from '../reply.ts';
import { applyChange, SYSTEM_ACTOR } from '../domain/change.ts';

/** Where anchor posts go and how. */
export interface AnchorTarget {
  store: IncidentStore;
  notifier: Notifier;
  channel: ChannelTarget;
}

/** `slack:C0123`-style label of a channel. */
export function anchorChannelLabel(channel: ChannelTarget): string {
  return `${channel.platform}:${channel.id}`;
}

/** The anchor message: one line per incident with its full head. */
export function anchorReply(incidents: readonly Incident[], now: Date, reason: 'daily' | 'export'): Reply {
  const lines = incidents.map((i) => `${i.id} ${i.chain!.head} (${i.timeline.length} timeline entries)`);
  const intro = reason === 'daily' ? `breachdesk chain heads of incidents changed since their last anchor, ${now.toISOString()}:` : `breachdesk chain head at export, ${now.toISOString()}:`;
  const footer = 'Keep this message: an export whose chain head matches a head posted here was not edited after this post (see README, "Checking an export").';
  return { outcome: 'ok', visibility: 'channel', text: [intro, ...lines, footer].join('\n'), card: { title: 'Chain heads (anchor)', sections: [{ text: lines.join('\n') }], footer } };
}

/** Post the heads of `incidents` and record, on each, the head that was posted. Rejects when the platform refused. */
export async function postAnchor(target: AnchorTarget, incidents: readonly Incident[], now: Date, reason: 'daily' | 'export'): Promise<number> {
  const chained = incidents.filter((i) => i.chain);
  if (chained.length === 0) return 0;
  const receipt = await target.notifier.post(target.channel, anchorReply(chained, now, reason));
  const at = now.toISOString();
  const channel = anchorChannelLabel(target.channel);
  const day = at.slice(0, 10);
  for (const posted of chained) {
    // Through the one change path, recording no timeline event (that would change the head just posted).
    await applyChange({ store: target.store, actor: SYSTEM_ACTOR, now }, posted.id, (current) => {
      if (!current.chain) return { next: current, events: [] };
      const before = current.chain.anchored;
      const anchored = {
        head: posted.chain!.head, at, channel,
        ...(receipt.messageId ? { messageId: receipt.messageId } : {}),
        ...(reason === 'daily' ? { day } : before?.day ? { day: before.day } : {}),
      };
      return { next: { ...current, chain: { ...current.chain, anchored } }, events: [] };
    });
  }
  return chained.length;
}
