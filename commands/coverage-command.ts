// `coverage [jurisdiction]`: every jurisdiction, what breachdesk encodes for it, how verified, and when it was checked.
import { z } from 'zod';
import { coverageRows, type CoverageRow } from '../bot/deadlines/coverage.ts';
import { translator, type Lang } from '../bot/i18n/index.ts';
import { BADGE } from '../bot/views/deadlines-view.ts';
import { VERIFICATION_BADGE } from '../bot/deadlines/present.ts';
import { askerLanguage } from './asker-language.ts';
import { ok } from '../bot/reply.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import type { CommandSpec } from './registry.ts';

function line(r: CoverageRow, lang: Lang): string {
  const tr = translator(lang);
  if (r.rules.length === 0) return tr('coverage.notCovered', { jurisdiction: r.jurisdiction, name: r.name });
  // English keeps the level's code (scripts read it); French says it in words.
  const badge = (v: NonNullable<CoverageRow['verification']>) => (lang === 'en' ? VERIFICATION_BADGE[v] : `${BADGE[v] ?? '⚠️'} ${tr(`verification.${v}`)}`);
  const level = r.verification ? `${badge(r.verification)}${r.weakerParts ? tr('coverage.weaker') : ''}` : '';
  const checked = r.checked ? tr('coverage.checked', { date: r.checked }) : tr('coverage.firstSet');
  const hipaa = r.hipaa ? ` · HIPAA: ${r.hipaa}` : '';
  const note = r.note ? tr('coverage.notApplicable', { note: r.note }) : '';
  return `${r.jurisdiction} ${r.name}: ${r.notices.join(', ')} · ${level} · ${checked}${hipaa}${note}`;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
    const lang = askerLanguage(ctx);
    const tr = translator(lang);
    const all = coverageRows(ctx.rules);
    const wanted = args.jurisdiction;
    const rows = wanted ? all.filter((r) => r.jurisdiction === wanted || r.jurisdiction === `US-${wanted}`) : all;
    if (wanted && rows.length === 0) {
      throw new InvalidArgumentsError(tr('coverage.noJurisdiction', { wanted }));
    }
    const missing = rows.filter((r) => r.rules.length === 0).length;
    const head = wanted ? tr('coverage.headOne', { name: rows[0]!.name }) : tr('coverage.headAll', { covered: rows.length - missing, total: rows.length });
    const lines = rows.map((r) => line(r, lang));
    const text = [head, ...lines, ...(wanted ? [] : [tr('coverage.others')])].join('\n');
    return ok(text, {
      // A few text sections, not one block per jurisdiction: chat platforms cap the blocks of one message.
      card: { title: tr('coverage.title'), subtitle: head, sections: chunks(lines, 15).map((part) => ({ text: part.join('\n') })), footer: tr('common.notLegalAdvice') },
      data: rows,
    });
  },
};

/** `coverage`. */
export const coverageCommands: CommandSpec[] = [coverageCommand];
