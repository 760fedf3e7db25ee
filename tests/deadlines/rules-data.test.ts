// The rule data in data/rules: loads, covers every clocked regulations.json rule, and bad data fails loudly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR, InvalidRulesError, loadRules } from '../../bot/deadlines/load-rules.ts';
import { rules } from './helpers.ts';

// Every regulations.json rule with a clock, plus the 54 US jurisdictions of the December 2026 update, 42 CFR Part 2, and
// UK GDPR Art. 34 / Art. 33(2) (tracked obligations since the legal review, not a caveat on the ICO line).
const CLOCKED_RULE_IDS = [
  'US-HIPAA-164.404-INDIVIDUALS', 'US-HIPAA-164.406-MEDIA', 'US-HIPAA-164.408-HHS-500PLUS', 'US-HIPAA-164.408-HHS-LT500',
  'US-HIPAA-164.410-BA-TO-CE', 'US-FTC-HBNR-INDIVIDUALS', 'US-FTC-HBNR-FTC', 'US-FTC-HBNR-MEDIA', 'US-FTC-HBNR-TPSP',
  'US-SEC-8K-1.05', 'EU-GDPR-33-SA', 'EU-GDPR-33-PROCESSOR', 'EU-GDPR-34-DS', 'UK-GDPR-33-ICO', 'UK-GDPR-34-DS', 'UK-GDPR-33-PROCESSOR', 'EU-NIS2-23-EARLY-WARNING',
  'EU-NIS2-23-NOTIFICATION', 'EU-NIS2-23-INTERMEDIATE', 'EU-NIS2-23-FINAL', 'EU-NIS2-23-RECIPIENTS', 'FR-CSP-L1111-8-2-SSI',
  'FR-CNIL-GDPR-33', 'FR-NIS1-OSE-ANSSI',
  'US-42CFR2-2.16-INDIVIDUALS', 'US-42CFR2-2.16-HHS', 'US-42CFR2-2.16-MEDIA',
  ...['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA',
    'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX',
    'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'VI', 'GU'].map((s) => `US-${s}-BREACH`),
];

// The update's table: which jurisdictions owe an attorney general (or other regulator, or State Police) notice.
const NO_REGULATOR = ['US-GA-BREACH', 'US-ID-BREACH', 'US-KS-BREACH', 'US-KY-BREACH', 'US-MI-BREACH', 'US-MN-BREACH', 'US-MS-BREACH',
  'US-NV-BREACH', 'US-OH-BREACH', 'US-TN-BREACH', 'US-WV-BREACH', 'US-WI-BREACH', 'US-WY-BREACH', 'US-VI-BREACH', 'US-GU-BREACH'];

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

const validRule = {
  id: 'US-ZZ-BREACH', law: 'Test statute', citation: 'Z.S. 1', jurisdiction: 'US-ZZ', verification: 'unverified',
  scope: { residentsOf: 'US-ZZ' },
  obligations: [{ part: 'individuals', recipient: 'residents', anchor: { event: 'discovery' }, clock: { type: 'calendar_days', days: 30 } }],
};

describe('shipped rule data', () => {
  it('has exactly one rule per clocked regulations.json id', () => {
    expect(rules.rules.map((r) => r.id).sort()).toEqual([...CLOCKED_RULE_IDS].sort());
  });

  it('every state rule has an individuals part, and a regulator notice unless the update lists none', () => {
    const states = rules.rules.filter((r) => /^US-[A-Z]{2}-BREACH$/.test(r.id));
    expect(states).toHaveLength(54);
    for (const rule of states) {
      const parts = rule.obligations.map((p) => p.part);
      expect(parts).toContain('individuals');
      const regulator = parts.some((p) => p === 'attorney_general' || p === 'regulator' || p === 'state_police');
      expect([rule.id, regulator]).toEqual([rule.id, !NO_REGULATOR.includes(rule.id)]);
    }
  });

  it('names sources by title and date, never a path or regulations.md', () => {
    for (const file of rules.files) expect(readFileSync(file, 'utf8')).not.toMatch(/\/work\/|regulations\.md|§/);
    for (const rule of rules.rules.filter((r) => r.checked)) {
      expect(rule.sources.length).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s.date).toMatch(/^\d{4}/);
    }
  });

  it('uses the verification levels of regulations.md for key rules', () => {
    const level = (id: string) => rules.rules.find((r) => r.id === id)!.verification;
    expect(level('US-HIPAA-164.404-INDIVIDUALS')).toBe('verified_primary_text');
    expect(level('US-SEC-8K-1.05')).toBe('verified_secondary');
    expect(level('US-FTC-HBNR-MEDIA')).toBe('unverified');
    expect(level('US-WA-BREACH')).toBe('verified_primary_text');
  });

  it('adding a State is a data change: a new file with one rule is picked up', () => {
    const dir = dirWith({ 'zz.json': { description: 'test', rules: [validRule] } });
    expect(loadRules(dir).rules.map((r) => r.id)).toEqual(['US-ZZ-BREACH']);
  });

  it('reads from data/rules next to the code', () => {
    expect(DEFAULT_RULES_DIR.replaceAll('\\', '/')).toMatch(/data\/rules\/?$/);
    expect(() => JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'us-federal.json'), 'utf8'))).not.toThrow();
  });
});

describe('invalid rule data fails with the file and the path', () => {
  it.each([
    {
      name: 'wrong type deep inside',
      file: { description: 'x', rules: [{ ...validRule, obligations: [{ ...validRule.obligations[0], clock: { type: 'calendar_days', days: 'thirty' } }] }] },
      message: /bad\.json: rules\[0\] \(US-ZZ-BREACH\)\.obligations\[0\]\.clock\.days: /,
    },
    { name: 'unknown clock type', file: { description: 'x', rules: [{ ...validRule, obligations: [{ ...validRule.obligations[0], clock: { type: 'fortnights' } }] }] }, message: /clock\.type/ },
    { name: 'unknown field', file: { description: 'x', rules: [{ ...validRule, deadline: 30 }] }, message: /rules\[0\] \(US-ZZ-BREACH\)/ },
    { name: 'not JSON', file: '{ "rules": [', message: /bad\.json: not valid JSON/ },
  ])('$name', ({ file, message }) => {
    const dir = dirWith({ 'bad.json': file });
    expect(() => loadRules(dir)).toThrow(InvalidRulesError);
    expect(() => loadRules(dir)).toThrow(message);
  });

  it('names unknown references and duplicate ids', () => {
    const dangling = { ...validRule, obligations: [{ ...validRule.obligations[0], anchor: { event: 'notice', obligations: ['US-ZZ-BREACH:nobody'] } }] };
    expect(() => loadRules(dirWith({ 'a.json': { description: 'x', rules: [dangling] } }))).toThrow(/refers to unknown obligation US-ZZ-BREACH:nobody/);
    expect(() => loadRules(dirWith({ 'a.json': { description: 'x', rules: [validRule] }, 'b.json': { description: 'y', rules: [validRule] } }))).toThrow(
      /US-ZZ-BREACH is defined twice/,
    );
  });

  it('names a HIPAA deeming clause that points at a part the rule does not have, or at one with no head count', () => {
    const deemed = (hipaa: object) => loadRules(dirWith({ 'a.json': { description: 'x', rules: [{ ...validRule, hipaa: { kind: 'deemed', citation: 'Z.S. 2', ...hipaa } }] } }));
    expect(() => deemed({ deemedParts: ['individuals', 'atorney_general'] })).toThrow(/US-ZZ-BREACH: hipaa\.deemedParts names "atorney_general", not a part of the rule/);
    expect(() => deemed({ requiresNotice: 'individuals' })).toThrow(/US-ZZ-BREACH: hipaa\.requiresNotice names "individuals", not a part of the rule with a head-count threshold/);
    expect(deemed({}).rules[0]!.hipaa!.deemedParts).toEqual(['individuals']);
  });
});
