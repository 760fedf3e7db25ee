// What breachdesk encodes, per jurisdiction: rules, notices (parts), verification level and when each was last checked.
import { US_JURISDICTIONS } from './jurisdictions.ts';
import type { Rule, RuleSet, VerificationLevel } from './rule-schema.ts';

/** One jurisdiction's row in the coverage list. */
export interface CoverageRow {
  jurisdiction: string;
  name: string;
  rules: string[];
  /** Notices encoded, e.g. individuals, attorney_general, consumer_reporting_agencies. */
  notices: string[];
  /** The weakest verification level among its rules; null when nothing is encoded. */
  verification: VerificationLevel | null;
  /** Some notices (parts) are less verified than their rule. */
  weakerParts: boolean;
  /** Latest check date (YYYY-MM-DD), or null when the rules do not record one (first rule set, 2025 to early 2026). */
  checked: string | null;
  /** HIPAA treatment of a state statute: exempt, deemed, none, or not stated. */
  hipaa: string | null;
  /** Why the rule binds no typical organization (GA), if so. */
  note: string | null;
}

const OTHERS: Readonly<Record<string, string>> = { US: 'United States (federal)', EU: 'European Union / EEA', GB: 'United Kingdom', FR: 'France' };
const RANK: Record<VerificationLevel, number> = { unverified: 0, verified_secondary: 1, verified_primary_text: 2 };

function row(code: string, name: string, rules: readonly Rule[]): CoverageRow {
  const mine = rules.filter((r) => r.jurisdiction === code);
  const weakestOf = (levels: VerificationLevel[]) => (levels.length ? levels.reduce((a, b) => (RANK[a] <= RANK[b] ? a : b)) : null);
  const weakest = weakestOf(mine.map((r) => r.verification));
  const partLevel = weakestOf(mine.flatMap((r) => r.obligations.flatMap((p) => (p.verification ? [p.verification] : []))));
  const dates = mine.flatMap((r) => (r.checked ? [r.checked] : []));
  const notices = [...new Set(mine.flatMap((r) => [...r.obligations, ...r.versions.flatMap((v) => v.obligations ?? [])].map((p) => p.part ?? r.id)))];
  const state = mine.find((r) => r.id.endsWith('-BREACH'));
  return {
    jurisdiction: code,
    name,
    rules: mine.map((r) => r.id),
    notices,
    verification: weakest,
    weakerParts: weakest !== null && partLevel !== null && RANK[partLevel] < RANK[weakest],
    // A row is only as fresh as its oldest rule; a rule of the first set records no date.
    checked: dates.length > 0 && dates.length === mine.length ? dates.sort()[0]! : null,
    hipaa: state ? (state.hipaa?.kind ?? 'not stated') : null,
    note: state?.notApplicable ?? null,
  };
}

/** Every US jurisdiction (50 States, DC, PR, USVI, Guam), then federal, EU, UK and France, whether encoded or not. */
export function coverageRows(rules: RuleSet): CoverageRow[] {
  const us = Object.entries(US_JURISDICTIONS).map(([code, name]) => row(code, name, rules.rules));
  return [...us, ...Object.entries(OTHERS).map(([code, name]) => row(code, name, rules.rules))];
}
