// `coverage [jurisdiction]`: every jurisdiction, what breachdesk encodes for it, how verified, and when it was checked.
import { z } from 'zod';
import { coverageRows, type CoverageRow } from '../bot/deadlines/coverage.ts';
import { VERIFICATION_BADGE } from '../bot/deadlines/present.ts';
import { ok } from '../bot/reply.ts';
import { InvalidArgumentsError } from '../bot/errors.ts';
import type { CommandSpec } from './registry.ts';

function line(r: CoverageRow): string {
  if (r.rules.length === 0) return `${r.jurisdiction} ${r.name}: NOT COVERED: no rule encoded, counsel must check`;
  const level = r.verification ? `${VERIFICATION_BADGE[r.verification]}${r.weakerParts ? ' (some notices less verified)' : ''}` : '';
  const checked = r.checked ? `checked ${r.checked}` : 'first rule set (sources of 2025 to early 2026)';
  const hipaa = r.hipaa ? ` · HIPAA: ${r.hipaa}` : '';
  const note = r.note ? ` · not applicable to most organizations: ${r.note}` : '';
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
    const all = coverageRows(ctx.rules);
    const wanted = args.jurisdiction;
    const rows = wanted ? all.filter((r) => r.jurisdiction === wanted || r.jurisdiction === `US-${wanted}`) : all;
    if (wanted && rows.length === 0) {
      throw new InvalidArgumentsError(`No jurisdiction "${wanted}": use a code like US-TX, US-DC, US-PR, US, EU, GB or FR (\`coverage\` lists them all).`);
    }
    const missing = rows.filter((r) => r.rules.length === 0).length;
    const head = wanted ? `Coverage of ${rows[0]!.name}:` : `breachdesk encodes ${rows.length - missing} of ${rows.length} jurisdictions (not legal advice):`;
    const text = [head, ...rows.map(line), ...(wanted ? [] : ['Any other jurisdiction with affected residents is shown as NOT COVERED in `deadlines`.'])].join('\n');
    return ok(text, {
      // A few text sections, not one block per jurisdiction: chat platforms cap the blocks of one message.
      card: { title: 'Rule coverage', subtitle: head, sections: chunks(rows.map(line), 15).map((lines) => ({ text: lines.join('\n') })), footer: 'not legal advice' },
      data: rows,
    });
  },
};

/** `coverage`. */
export const coverageCommands: CommandSpec[] = [coverageCommand];
