// `coverage [jurisdiction]`: every jurisdiction, what breachdesk encodes for it, how verified, and when it was checked.
import { z } from 'zod';
import { coverageRows, type CoverageRow } from '../bot/deadlines/coverage.ts';
import { VERIFICATION_BADGE } from '../bot/deadlines/present.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import { wordsFor, type Words } from '../bot/deadlines/words.ts';
import { t, translator, type Lang } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';
import { ok } from '../bot/reply.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import type { CommandSpec } from './registry.ts';

// English keeps the verification level's id beside its badge (as it always read); French says it in words.
function level(r: CoverageRow, w: Words): string {
  if (!r.verification) return '';
  const words = w.lang === 'en' ? VERIFICATION_BADGE[r.verification] : `${VERIFICATION_BADGE[r.verification].split(' ')[0]} ${t(w.lang, `verification.${r.verification}`)}`;
  return `${words}${r.weakerParts ? w.say('coverage.weaker') : ''}`;
}

function line(r: CoverageRow, w: Words): string {
  const name = w.say(`coverage.names.${r.jurisdiction}`, { defaultValue: r.name });
  if (r.rules.length === 0) return w.say('coverage.notCovered', { code: r.jurisdiction, name });
  return w.say('coverage.line', {
    code: r.jurisdiction,
    name,
    notices: r.notices.join(', '),
    level: level(r, w),
    checked: r.checked ? w.say('coverage.checked', { day: w.day(r.checked) }) : w.say('coverage.firstSet'),
    hipaa: r.hipaa ? w.say('coverage.hipaa', { kind: w.say(`coverage.hipaaKind.${r.hipaa}`, { defaultValue: r.hipaa }) }) : '',
    note: r.note ? w.say('coverage.note', { note: w.rule(r.note) }) : '',
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The words of the asker's language (`lang fr`), with the rule texts' renderings. */
const wordsOf = (lang: Lang, rules: RuleSet): Words => wordsFor(lang, 'UTC', rules);

const coverageCommand: CommandSpec<{ jurisdiction?: string }> = {
  id: 'rules.coverage',
  permission: 'public',
  name: 'coverage',
  aliases: ['rules'],
  summary: 'Every jurisdiction: which notices breachdesk encodes, their verification level and when the rule was last checked',
  usage: 'coverage [jurisdiction] [--json]',
  examples: ['coverage', 'coverage US-TX', 'coverage --json'],
  positionals: [{ name: 'jurisdiction' }],
  args: z.object({ jurisdiction: z.string().trim().toUpperCase().optional() }),
  async handler(args, ctx) {
    const all = coverageRows(ctx.rules);
    const wanted = args.jurisdiction;
    const rows = wanted ? all.filter((r) => r.jurisdiction === wanted || r.jurisdiction === `US-${wanted}`) : all;
    if (wanted && rows.length === 0) {
      throw new InvalidArgumentsError(translator(askerLanguage(ctx))('coverage.noJurisdiction', { wanted }));
    }
    const w = wordsOf(askerLanguage(ctx), ctx.rules);
    const lines = rows.map((r) => line(r, w));
    const missing = rows.filter((r) => r.rules.length === 0).length;
    const head = wanted
      ? w.say('coverage.headOne', { name: w.say(`coverage.names.${rows[0]!.jurisdiction}`, { defaultValue: rows[0]!.name }) })
      : w.say('coverage.headAll', { encoded: rows.length - missing, total: rows.length });
    const text = [head, ...lines, ...(wanted ? [] : [w.say('coverage.footer')])].join('\n');
    return ok(text, {
      // A few text sections, not one block per jurisdiction: chat platforms cap the blocks of one message.
      card: { title: w.say('coverage.title'), subtitle: head, sections: chunks(lines, 15).map((l) => ({ text: l.join('\n') })), footer: w.say('coverage.notLegalAdvice') },
      // The JSON rows stay as they are (English notes, level ids): a contract, not a reading.
      data: rows,
    });
  },
};

/** `coverage`. */
export const coverageCommands: CommandSpec[] = [coverageCommand];
