// Filing guidance for an obligation: where, how, and what the notice must contain (data/filing/*.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Obligation } from '../deadlines/types.ts';
import { FilingFileSchema, filingFrenchProblem, type Filing } from './filing-schema.ts';
import { appPath } from '../app-root.ts';

/** The guidance shipped in data/filing/. */
export const DEFAULT_FILING_DIR = appPath('data', 'filing');

interface Entry { pattern: RegExp; specificity: number; filing: Filing }

let loaded: Entry[] | undefined;
// Obligation ids repeat across incidents: match each id's patterns once.
const byId = new Map<string, Filing | null>();

/** Read and validate every data/filing/*.json once; a bad file throws naming it. */
export function loadFiling(dir: string = DEFAULT_FILING_DIR): Entry[] {
  const entries: Entry[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const parsed = FilingFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    for (const e of parsed.data.entries) {
      const problem = filingFrenchProblem(e.filing);
      if (problem) throw new Error(`${file}: entry ${e.match[0]}: ${problem}`);
    }
    for (const e of parsed.data.entries) for (const m of e.match) entries.push({ pattern: toPattern(m), specificity: specificity(m), filing: e.filing });
  }
  return entries.sort((a, b) => b.specificity - a.specificity);
}

/** A match string as a regular expression: `*` is one id segment; a bare rule id matches every part and qualifier. */
function toPattern(match: string): RegExp {
  const escaped = match.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[A-Z0-9]+');
  return new RegExp(match.includes(':') ? `^${escaped}$` : `^${escaped}(:.*)?$`);
}

/** Exact obligation ids first, then rule ids, then wildcard patterns. */
function specificity(match: string): number {
  return (match.includes('*') ? 0 : 2) + (match.includes(':') ? 1 : 0);
}

/** The guidance for one obligation id (`US-TX-BREACH:attorney_general`, `US-HIPAA-164.406-MEDIA:US-CA`), if any. */
export function filingFor(obligationId: string): Filing | undefined {
  let hit = byId.get(obligationId);
  if (hit === undefined) {
    loaded ??= loadFiling();
    hit = loaded.find((e) => e.pattern.test(obligationId))?.filing ?? null;
    if (byId.size < 10_000) byId.set(obligationId, hit);
  }
  return hit ?? undefined;
}

/** The obligations with their filing guidance attached (contractual clocks have none). */
export function withFiling(obligations: readonly Obligation[]): Obligation[] {
  return obligations.map((o) => {
    if (o.contractual || o.status === 'not_applicable') return o;
    const filing = filingFor(o.obligation);
    return filing ? { ...o, filing } : o;
  });
}
