// The language an answer is written in when the asker has not chosen one with `lang`.
import { languageFor, type Lang } from '../bot/i18n/index.ts';
import type { CommandContext } from './context.ts';

/**
 * The language of an answer not about one incident (`due`, `list`, `help`, usage errors): the asker's `lang` choice;
 * else the deployment's default organization's; else French when every incident listed belongs to a French
 * organization; else English. (An answer about one incident uses `languageFor(incident.organization, ctx.language)`.)
 */
export function askerLanguage(ctx: Pick<CommandContext, 'language' | 'config'>, organizations: readonly { country: string }[] = []): Lang {
  if (ctx.language) return ctx.language;
  if (ctx.config.defaultOrganization) return languageFor(ctx.config.defaultOrganization);
  return organizations.length > 0 && organizations.every((o) => languageFor(o) === 'fr') ? 'fr' : 'en';
}
