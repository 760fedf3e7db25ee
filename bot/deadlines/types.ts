// The obligation shapes the engine returns: the `deadlines --json` contract (design.md) plus engine extras.
import type { VerificationLevel } from './rule-schema.ts';

/** date: day-counted; instant: hour-counted; immediate: same day; none_fixed: "without undue delay"; on_request. */
export type ObligationKind = 'date' | 'instant' | 'immediate' | 'none_fixed' | 'on_request';

/** Where an obligation stands at `now`. */
export type ObligationStatus = 'pending' | 'due_soon' | 'overdue' | 'done' | 'tolled' | 'not_applicable' | 'needs_facts' | 'not_covered';

/** Exactly the fixed `deadlines <id> --json` contract (design.md), in contract key order. */
export interface ContractObligation {
  obligation: string;
  rule: string;
  recipient: string;
  citation: string;
  kind: ObligationKind;
  /** Last permitted day (YYYY-MM-DD) in the organization's zone; null unless kind is date. */
  dueDate: string | null;
  /** Exact instant, ISO-8601 with the organization zone's offset; null when there is no fixed deadline. */
  dueAt: string | null;
  status: ObligationStatus;
  verification: VerificationLevel;
  basis: string;
}

/** One notice owed to one recipient under one rule, with everything the views need. */
export interface Obligation extends ContractObligation {
  law: string;
  /** Short user-facing warnings (outer limits, open points, verification); shared ones included. */
  caveats: string[];
  /** The caveats above that many rules share, with their ids: an answer states each once. */
  caveatRefs?: { id: string; text: string }[];
  /** US, US-TX, EU, GB, FR. */
  jurisdiction: string;
  /** The event that started the clock and when; null when it is unknown. */
  trigger: { event: string; at: string } | null;
  /** End of the law-enforcement delay while one covers `now`. */
  tolledUntil: string | null;
  /** When the notice was recorded as sent. */
  doneAt: string | null;
  /** A clock the team added itself (contract, insurer policy), not a legal rule. */
  contractual?: true;
  /** Where and how to file, and what the notice must contain (data/filing/). */
  filing?: import('../guidance/filing-schema.ts').Filing;
}

/** Contract keys in the order design.md lists them. */
export const CONTRACT_KEYS = [
  'obligation', 'rule', 'recipient', 'citation', 'kind', 'dueDate', 'dueAt', 'status', 'verification', 'basis',
] as const satisfies readonly (keyof ContractObligation)[];

/** Reminder windows for due_soon. */
export interface ComputeOptions {
  /** Day-counted and immediate obligations are due_soon within this many days (default 7). */
  dueSoonDays?: number;
  /** Hour-counted obligations are due_soon within this many hours (default 24). */
  dueSoonHours?: number;
  /** The language of every text (basis, recipient, law, caveats); default English, the `--json` contract's language. */
  lang?: import('../i18n/index.ts').Lang;
}
