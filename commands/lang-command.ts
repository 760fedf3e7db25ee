// `lang`: the language answers come in for the asker (French organizations default to French).
import { z } from 'zod';
import { translator } from '../bot/i18n/index.ts';
import { ok } from '../bot/reply.ts';
import type { CommandSpec } from './registry.ts';
import { askerLanguage } from './asker-language.ts';

const Choice = z.enum(['en', 'fr', 'auto', 'english', 'anglais', 'french', 'français', 'francais'], { error: 'Say en, fr or auto.' });
const CODE: Record<z.infer<typeof Choice>, 'en' | 'fr' | 'auto'> = {
  en: 'en', english: 'en', anglais: 'en', fr: 'fr', french: 'fr', français: 'fr', francais: 'fr', auto: 'auto',
};

const langCommand: CommandSpec<{ choice?: z.infer<typeof Choice> }> = {
  id: 'preferences.lang',
  name: 'lang',
  aliases: ['language', 'langue'],
  summary: 'Answer me in French or English (default: each organization\'s language, French for French organizations)',
  usage: 'lang [fr|en|auto]',
  examples: ['lang fr', 'lang en', 'lang auto', 'lang'],
  // A person's own preference: no incident, nothing to guard.
  permission: 'public',
  positionals: [{ name: 'choice' }],
  args: z.object({ choice: z.string().trim().toLowerCase().pipe(Choice).optional() }),
  async handler(args, ctx) {
    const choice = args.choice ? CODE[args.choice] : undefined;
    if (!choice) {
      // Without a choice, the language of answers about no incident (the deployment's organization's, else English).
      const current = askerLanguage(ctx);
      const tr = translator(current);
      const why = tr(ctx.language ? 'lang.byChoice' : 'lang.byOrganization');
      return ok(tr('lang.current', { lang: tr(`lang.names.${current}`), why }));
    }
    await ctx.setLanguage?.(choice === 'auto' ? undefined : choice);
    return ok(translator(choice === 'auto' ? 'en' : choice)(choice === 'auto' ? 'lang.auto' : 'lang.set'));
  },
};

/** The `lang` command (register in commands/index.ts). */
export const langCommands: CommandSpec[] = [langCommand];
