// What every command handler receives: the ports, who is asking, from where, and the settings.
import type { Actor } from '../bot/model/incident-schema.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import type { ChannelTarget, Clock, IncidentStore, Logger, Notifier } from '../bot/ports.ts';
import type { RecordHealth } from '../bot/record/record-health.ts';

/** Settings the core needs (from the environment, validated by the adapters' config loader). */
export interface CoreConfig {
  /** Default organization time zone for `new` (BREACHDESK_TIMEZONE; UTC when it is not set). */
  defaultTimezone: string;
  /** True when BREACHDESK_TIMEZONE is not set: `new` without `--tz` then marks the zone as assumed (day-counted clocks need facts). */
  defaultTimezoneAssumed?: boolean;
  /** Default organization for `new`, when the deployment serves one organization. */
  defaultOrganization?: { name: string; role: string; country: string };
  /** Actor keys of admins (BREACHDESK_ADMINS): they read and change every incident and manage membership. */
  admins: string[];
  /** Actor keys of who may open incidents (BREACHDESK_OPENERS); empty: anyone. */
  openers: string[];
  /** What to do with patient identifiers in free text (BREACHDESK_PHI_GUARD): refuse (default) or store a redacted copy. */
  phiGuard?: 'refuse' | 'redact';
  /** Where chain heads are anchored (BREACHDESK_ANCHOR_CHANNEL); `export` posts there too. */
  anchorChannel?: ChannelTarget;
  /** Ed25519 private key (PEM) that signs JSON exports (BREACHDESK_SIGNING_KEY). */
  signingKey?: string;
}

/** The channel a request came from. */
export interface RequestChannel extends ChannelTarget {
  name?: string;
  /** As the platform reports it, when it does (Slack `is_private`): linking a public channel draws a warning. */
  isPrivate?: boolean;
  /** How many people the channel has, when the platform reports it. */
  memberCount?: number;
}

/** Everything a handler may use; no SDK objects, no globals. */
export interface CommandContext {
  store: IncidentStore;
  clock: Clock;
  rules: RuleSet;
  config: CoreConfig;
  logger: Logger;
  /** Who is asking (recorded on every change). */
  actor: Actor;
  /** Where the request came from; undefined for the one-shot CLI. */
  channel?: RequestChannel;
  /** Posts into channels (summary); absent where nothing can be posted. */
  notifier?: Notifier;
  /** The asker's chosen language (`lang`), overriding the organization's. */
  language?: import('../bot/i18n/index.ts').Lang;
  /** Remembers the asker's language choice (`lang`) in the store; undefined goes back to the organization's language. */
  setLanguage?: (lang: import('../bot/i18n/index.ts').Lang | undefined) => Promise<void>;
  /** Reads a local file (import from the terminal/CLI only). */
  readFile?: (path: string) => Promise<string>;
  /** Integrity findings since start-up (list marker, show banner). */
  records?: RecordHealth;
}
