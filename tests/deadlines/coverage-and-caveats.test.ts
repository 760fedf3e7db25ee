// `coverage` lists every jurisdiction; `deadlines` states shared caveats once and lists uncovered jurisdictions.
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../bot/clock.ts';
import type { CommandContext } from '../../commands/context.ts';
import { coverageCommands } from '../../commands/coverage-command.ts';
import { deadlineCommands } from '../../commands/deadline-commands.ts';
import { createRegistry } from '../../commands/registry.ts';
import { createMemoryStore } from '../../data/memory-store.ts';
import { makeIncident as makeStored, usHospitalFacts } from '../helpers/incidents.ts';
import { createMemoryLogger } from '../helpers/test-bot.ts';
import { rules } from './helpers.ts';

function setup() {
  // A hospital breach across 5 States plus American Samoa (no rule encoded).
  const byJurisdiction = { 'US-TX': 300, 'US-NJ': 200, 'US-NY': 100, 'US-FL': 600, 'US-CT': 50, 'US-AS': 7 };
  const total = Object.values(byJurisdiction).reduce((a, b) => a + b, 0);
  const store = createMemoryStore([makeStored('BR-1', usHospitalFacts({ affected: { total, byJurisdiction }, dataCategories: ['name', 'ssn', 'diagnosis'] }))]);
  const ctx: CommandContext = {
    store, clock: createManualClock('2025-03-01T12:00:00Z'), rules, logger: createMemoryLogger(),
    config: { defaultTimezone: 'America/Chicago', admins: ['slack:U-1'], openers: [] }, actor: { id: 'U-1', name: 'Sam', platform: 'slack' },
  };
  const registry = createRegistry([...deadlineCommands, ...coverageCommands]);
  return (text: string) => registry.dispatch({ text }, ctx);
}

describe('coverage', () => {
  it('lists the 54 US jurisdictions, then federal, EU, UK and France, with verification and check date', async () => {
    const reply = await setup()('coverage');
    expect(reply.outcome).toBe('ok');
    const rows = reply.data as Array<{ jurisdiction: string; rules: string[]; verification: string | null; checked: string | null }>;
    expect(rows).toHaveLength(58);
    expect(rows.filter((r) => r.rules.length === 0)).toEqual([]);
    expect(reply.text).toMatch(/^US-WA Washington: individuals, attorney_general, owner · ✅ verified_primary_text · checked 2026-12-01 · HIPAA: deemed$/m);
    expect(reply.text).toMatch(/^US-GA Georgia: .* not applicable to most organizations: Georgia's breach statute binds only information brokers/m);
    expect(reply.text).toMatch(/^FR France: .*first rule set/m);
  });

  it('one jurisdiction, by code with or without US-; an unknown code gets a plain sentence', async () => {
    const say = setup();
    expect((await say('coverage tx')).text).toMatch(/^Coverage of Texas:\nUS-TX Texas: individuals, attorney_general, consumer_reporting_agencies, owner/);
    const bad = await say('coverage US-ZZ');
    expect(bad.outcome).toBe('usage');
    expect(bad.text).toMatch(/No jurisdiction "US-ZZ"/);
  });
});

describe('deadlines: shared caveats once per answer, uncovered jurisdictions named', () => {
  it('states the no-roll-forward caveat once, with the lines pointing to it', async () => {
    const reply = await setup()('deadlines BR-1');
    const text = reply.text;
    expect(text.match(/No weekend or holiday roll-forward is applied to state deadlines/g)).toHaveLength(1);
    // Once, as a numbered note under the list; the lines it concerns point to its number.
    const note = /^ {2}\[(\d+)\] No weekend or holiday roll-forward/m.exec(text.slice(text.indexOf('Notes that apply to several notices:')));
    expect(note).not.toBeNull();
    const pointing = text.split('\n').filter((l) => new RegExp(`\\(notes (\\d+, )*${note![1]}(, \\d+)*\\)$`).test(l));
    expect(pointing.length).toBeGreaterThan(1);
    expect(text).not.toMatch(/regulations\.md/);
  });

  it('--json keeps the contract keys and lists US-AS:not_covered', async () => {
    const reply = await setup()('deadlines BR-1');
    const data = reply.data as Array<Record<string, unknown>>;
    const keys = ['obligation', 'rule', 'recipient', 'citation', 'kind', 'dueDate', 'dueAt', 'status', 'verification', 'basis'];
    // The contract keys in order; a `filing` object (design.md) may follow.
    for (const o of data) expect(Object.keys(o).filter((k) => k !== 'filing')).toEqual(keys);
    expect(data.find((o) => o.obligation === 'US-AS:not_covered')).toMatchObject({ rule: 'US-AS', status: 'not_covered', kind: 'none_fixed', dueAt: null, dueDate: null });
  });
});
