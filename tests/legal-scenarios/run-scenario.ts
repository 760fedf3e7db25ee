// Runs a legal scenario the way a user does: `import <json>` then `deadlines <id> --json`, through the command registry.
import { expect } from 'vitest';
import { createTestBot } from '../helpers/test-bot.ts';

/** One row of `deadlines --json`, as the contract (docs/contracts.md) gives it. */
export interface Row {
  obligation: string; rule: string; recipient: string; citation: string; kind: string;
  dueDate: string | null; dueAt: string | null; status: string; verification: string; basis: string;
  filing?: { to: string; content: string[]; verification: string; portal?: string; email?: string; notes?: string[] };
}

/** What a scenario expects of one obligation (only the keys given are checked). */
export type Expect = Partial<Pick<Row, 'status' | 'dueDate' | 'dueAt' | 'kind' | 'verification' | 'citation'>> & { basis?: RegExp };

/** Imports `facts` at `now` and returns the deadlines rows, plus a `say` for further commands on BR-1. */
export async function runScenario(facts: unknown, now: string) {
  const t = createTestBot(now);
  const say = (text: string) => t.bot.handle({ text, actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
  const imported = await say(`import ${JSON.stringify(facts)}`);
  if (imported.outcome !== 'ok') throw new Error(`import refused: ${imported.text}`);
  const rows = JSON.parse((await say('deadlines BR-1 --json')).text) as Row[];
  return { rows, say };
}

/** A US hospital's facts with the given overrides (organization merged). */
export function usFacts(patch: Record<string, unknown> & { organization?: Record<string, unknown> } = {}) {
  const { organization, ...rest } = patch;
  return {
    title: 'Scenario', discoveredAt: '2026-03-02T09:00:00-06:00', phiInvolved: true, dataEncrypted: false,
    dataCategories: ['name', 'ssn'], affected: { total: 100, byJurisdiction: { 'US-TX': 100 } },
    ...rest,
    organization: { name: 'Scenario Hospital', role: 'covered_entity', country: 'US', timezone: 'America/Chicago', ...organization },
  };
}

/** A scenario: facts at `now`, the obligations expected (by id), and ids that must not appear at all. */
export interface Scenario {
  name: string;
  facts: unknown;
  now: string;
  expect: Record<string, Expect>;
  absent?: string[];
}

const LEVELS = ['verified_primary_text', 'verified_secondary', 'unverified'];

/** Checks every scenario shares: a citation and a verification level on each row, and no unverified link offered as fact. */
export function commonProblems(rows: Row[]): string[] {
  const problems: string[] = [];
  for (const r of rows) {
    if (!r.citation) problems.push(`${r.obligation}: no citation`);
    if (!LEVELS.includes(r.verification)) problems.push(`${r.obligation}: verification ${r.verification}`);
    if (r.status === 'not_applicable' && !r.basis) problems.push(`${r.obligation}: not applicable without a reason`);
    const f = r.filing;
    const link = f && [f.portal, f.email].find((x) => x && /https?:|@/.test(x));
    if (f && link && f.verification === 'unverified' && !(f.notes ?? []).some((n) => /not verified/i.test(n))) {
      problems.push(`${r.obligation}: unverified link ${link} offered without saying so`);
    }
  }
  return problems;
}

/** Run one scenario and check it: no common problem, every expected obligation as derived, none of the absent ones. */
export async function checkScenario(s: Scenario): Promise<void> {
  const { rows } = await runScenario(s.facts, s.now);
  expect(commonProblems(rows)).toEqual([]);
  for (const [id, want] of Object.entries(s.expect)) {
    const row = rows.find((r) => r.obligation === id);
    expect(row, `${id} is missing`).toBeDefined();
    const { basis, ...fields } = want;
    expect(row, id).toMatchObject(fields);
    if (basis) expect(row!.basis, id).toMatch(basis);
  }
  for (const id of s.absent ?? []) expect(rows.map((r) => r.obligation)).not.toContain(id);
}
