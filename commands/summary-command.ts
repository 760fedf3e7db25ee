// `summary <id>`: the incident at a glance, posted into the channel; the daily digest reuses the same view.
import { z } from 'zod';
import { obligationsNow } from '../bot/domain/obligations.ts';
import { summaryReply } from '../bot/views/summary-view.ts';
import { languageFor } from '../bot/i18n/index.ts';
import type { CommandSpec } from './registry.ts';
import { IncidentIdArg, requireIncident } from './shared.ts';

const summaryCommand: CommandSpec<{ id: string }> = {
  id: 'incident.summary',
  permission: 'read',
  audit: 'read',
  name: 'summary',
  summary: 'Post an incident summary to the channel: status, key facts, next deadlines, overdue items, recent timeline',
  usage: 'summary <id>',
  examples: ['summary BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const now = ctx.clock.now();
    const lang = languageFor(incident.organization, ctx.language);
    return summaryReply(incident, obligationsNow(incident, ctx.rules, now, lang), now, 'summary', lang);
  },
};

/** `summary`. */
export const summaryCommands: CommandSpec[] = [summaryCommand];
