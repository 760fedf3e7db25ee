// Interfaces the core owns; adapters (Slack, Teams, terminal) and stores (data/) implement them.
import type { ChannelLink, Incident, PlatformName, TimelineEntry } from './model/incident-schema.ts';

/** The one source of "now": injected everywhere, fixed in tests and by `--now`. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** Filters for listing incidents. */
export interface IncidentFilter {
  /** Only these statuses. */
  status?: readonly Incident['status'][];
  /** Only incidents that are not closed. */
  openOnly?: boolean;
  /** Only incidents linked to this channel. */
  channel?: { platform: ChannelLink['platform']; id: string };
}

/** An incident the store cannot read: quarantined, left untouched, refused by get/update with IncidentDamagedError. */
export interface DamagedIncident {
  id: string;
  /** What is wrong, naming the file or row (for the log and `list`). */
  problem: string;
}

/** Persistent incident records; every method is per-incident so stores can scale. */
export interface IncidentStore {
  /** Where the records live, for messages (a file path or "memory"). */
  readonly location: string;
  /** One incident, or undefined; throws IncidentDamagedError for a quarantined one. */
  get(id: string): Promise<Incident | undefined>;
  /** Incidents matching the filter, in id order. */
  list(filter?: IncidentFilter): Promise<Incident[]>;
  /** Every readable incident id, in id order: walk a large store with get() without holding every record at once. */
  ids(): Promise<string[]>;
  /** Incidents quarantined because their record is damaged (not in ids() or list(); get/update throw IncidentDamagedError). */
  damaged(): Promise<DamagedIncident[]>;
  /** Create an incident; `build` receives the next id (BR-n) and returns the full record. */
  create(build: (id: string) => Incident): Promise<Incident>;
  /** Atomically replace one incident with `mutate(current)`; throws IncidentNotFoundError. */
  update(id: string, mutate: (current: Incident) => Incident): Promise<Incident>;
  /** Append one entry to an incident's timeline, with its state digest and sealed into its hash chain (bot/record/state-digest.ts sealTimeline); never edits earlier entries. */
  appendTimeline(id: string, entry: TimelineEntry): Promise<Incident>;
  /**
   * Remember a request id (a Slack signature, a Teams activity id) until `expiresAt`; true the first time it is seen,
   * false for a replay or redelivery. Durable where the store is: a `true` answer survives a restart.
   */
  markRequestSeen(key: string, expiresAt: Date): Promise<boolean>;
  /**
   * Optional: a short token per readable incident that changes whenever its facts (fields other than the history lists)
   * change, known without reading the records, so a new process can trust what an earlier one derived from them (the
   * persisted deadline index). Compare tokens for equality only. Offer it only where every change to the store reaches
   * this process's onChange (one process per store, as the file store's lock ensures): the running bot then keeps its
   * deadline index from onChange alone. A store without it (several replicas) has `due` derived afresh per answer.
   */
  changeStamps?(): Promise<ReadonlyMap<string, string>>;
  /** One person's saved preferences (`lang`), by actor key (`slack:U123`); {} when none. */
  getPreferences(userKey: string): Promise<UserPreferences>;
  /** Merge one person's preferences (a field given as undefined is cleared); durable where the store is. */
  setPreferences(userKey: string, change: Partial<UserPreferences>): Promise<void>;
  /** Call `listener` after every acknowledged create or update; returns an unsubscribe function. */
  onChange(listener: (incident: Incident) => void): () => void;
  /** Flush and release the store (lock, handles). */
  close(): Promise<void>;
}

/** A person's own settings, kept across restarts. */
export interface UserPreferences {
  /** The `lang` choice; absent: the organization's language. */
  language?: 'en' | 'fr';
}

/** Where a message goes: one linked channel. */
export interface ChannelTarget {
  platform: ChannelLink['platform'];
  id: string;
  /** Platform-specific reference (Teams conversation reference). */
  reference?: unknown;
}

/** Result of a delivery attempt. */
export interface DeliveryReceipt {
  /** Platform message id (Slack ts, Teams activity id). */
  messageId?: string;
}

/** Posts messages into channels on behalf of the scheduler and `summary`. */
export interface Notifier {
  /** Platforms this notifier can reach. */
  readonly platforms: readonly ChannelLink['platform'][];
  /** Post a reply into a channel; resolves once the platform accepted it, rejects otherwise. */
  post(target: ChannelTarget, reply: import('./reply.ts').Reply): Promise<DeliveryReceipt>;
}

/** Minimal structured logger. */
export interface Logger {
  /** Detail for diagnosing a problem (BREACHDESK_LOG_LEVEL=debug). */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Informational line. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something went wrong but the bot carries on. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Something failed. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Who is speaking to the bot. */
export interface RequestActor {
  id: string;
  name: string;
}

export type { PlatformName };

/** Which process runs the scheduler when several share one store (PostgreSQL replicas): at most one holds it. */
export interface SchedulerLease {
  /** Try to take the lease, or confirm it is still held; true while this process holds it. */
  tryHold(): Promise<boolean>;
  /** Call `listener` when a held lease is lost (its connection ended); returns an unsubscribe function. */
  onLost(listener: () => void): () => void;
  /** Give the lease up (at shutdown), so another process takes over at once. */
  release(): Promise<void>;
}
