// Incident model: the import format (design.md's outer contract) and the stored incident, as zod schemas.
import { z } from 'zod';
import { tableHasZone } from '../zone-table.ts';
import { LINE_BREAK } from './line-breaks.ts';
import { nestedDeeperThan } from './nesting.ts';

/** An instant written as ISO-8601 with an explicit offset (Z or ±hh:mm). */
export const IsoInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'expected an ISO-8601 instant with an offset, like 2025-02-20T09:00:00-06:00',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date and time');

/** Bounds of the import format (and so of stored incidents): a hostile or broken import cannot grow the store without limit. */
export const FIELD_LIMITS = {
  /** Names of people, organizations, vendors, agencies and officials. */
  name: 200,
  /** One data category, e.g. "diagnosis". */
  category: 100,
  categories: 50,
  jurisdictions: 300,
  lawEnforcementDelays: 20,
  notices: 500,
  /** An obligation id, e.g. US-HIPAA-164.406-MEDIA:US-CA. */
  obligation: 200,
} as const;

const bounded = (max: number) => z.string().min(1).max(max, `at most ${max} characters`);

/** An IANA time zone name that this Node.js runtime knows. */
export const TimeZoneName = z.string().refine(isKnownTimeZone, 'unknown IANA time zone (try America/Chicago or Europe/Paris)');

/** ISO 3166-1 alpha-2 country, or a US state / territory as US-XX. */
export const Jurisdiction = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'expected a code like US-TX, FR or GB');

export const OrganizationRole = z.enum(['covered_entity', 'business_associate', 'controller', 'processor', 'phr_vendor']);
export const VendorRole = z.enum(['business_associate', 'processor', 'third_party_service_provider', 'subcontractor']);
export const IncidentStatus = z.enum(['triage', 'investigating', 'notifying', 'monitoring', 'closed']);
export const Platform = z.enum(['slack', 'teams', 'terminal', 'cli', 'system']);

export const OrganizationSchema = z.strictObject({
  name: bounded(FIELD_LIMITS.name),
  role: OrganizationRole,
  country: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code like US or FR'),
  timezone: TimeZoneName,
  /** null: not answered yet (a French organization handling health data may be one: CSP L.1111-8-2 then needs facts). */
  frHealthEstablishment: z.boolean().nullable().default(null),
  // null: not answered. An organization based in the EU/EEA (or with residents there affected) then gets NIS2's notices as needs facts.
  nis2Entity: z.boolean().nullable().default(null),
  /** SEC registrant (Form 8-K Item 1.05); null: not answered yet (a US organization then gets the 8-K as needs facts). */
  secRegistrant: z.boolean().nullable().default(null),
  /** French opérateur de services essentiels (NIS1, décret 2018-384); null: not answered yet (some hospitals are: the ANSSI notice then needs facts). */
  frOse: z.boolean().nullable().default(null),
  /** California licensed clinic, health facility, home health agency or hospice (H&S 1280.15); null: not answered yet (a California covered entity then needs facts). */
  caHealthFacility: z.boolean().nullable().default(null),
  /** 42 CFR Part 2 program (SUD treatment records), HIPAA covered entity or not; null: unknown (the 2.16(b) notices then need facts when SUD data or no data categories are recorded). */
  part2Program: z.boolean().nullable().default(null),
  /** Entity regulated by the NY Department of Financial Services (DFS is then a recipient under GBL 899-aa); null: not answered yet (with New York residents affected, the DFS notice then needs facts). */
  nyDfsEntity: z.boolean().nullable().default(null),
  /**
   * The EU GDPR reaches this organization for the people affected (GDPR Art. 3): an establishment in the Union, or offering
   * goods or services to / monitoring people in the Union. Asked only of an organization based outside the EU/EEA; null: not
   * answered yet (with EU/EEA residents affected, the GDPR notices then need facts, each with its clock).
   */
  gdprTerritorial: z.boolean().nullable().default(null),
  /** The same for the UK GDPR (UK GDPR Art. 3), asked only of an organization based outside the United Kingdom. */
  ukGdprTerritorial: z.boolean().nullable().default(null),
  /** The time zone was not given when the incident was opened (a default was used): day-counted deadlines need facts. */
  timezoneAssumed: z.boolean().default(false),
});

export const VendorSchema = z.strictObject({
  name: bounded(FIELD_LIMITS.name),
  role: VendorRole,
  /**
   * The vendor acts as the organization's agent (federal common law of agency): its discovery is imputed (45 CFR
   * 164.404(a)(2), 164.410(a)(2)). null: not answered yet (the default); with its own discovery date recorded, the
   * HIPAA clocks then need facts, shown from its discovery. Stored false keeps its meaning: an independent contractor.
   */
  isAgent: z.boolean().nullable().default(null),
  discoveredAt: IsoInstant.nullable().default(null),
  notifiedUsAt: IsoInstant.nullable().default(null),
});

export const AffectedSchema = z.strictObject({
  total: z.number().int().min(0),
  byJurisdiction: z
    .record(Jurisdiction, z.number().int().min(0))
    .refine((r) => Object.keys(r).length <= FIELD_LIMITS.jurisdictions, `at most ${FIELD_LIMITS.jurisdictions} jurisdictions`)
    .default({}),
});

export const LawEnforcementDelaySchema = z.strictObject({
  form: z.enum(['oral', 'written']),
  agency: bounded(FIELD_LIMITS.name),
  official: bounded(FIELD_LIMITS.name),
  statedAt: IsoInstant,
  /** End of the delay the official specified (written statements); null when none was stated. */
  until: IsoInstant.nullable().default(null),
  /**
   * Form 8-K Item 1.05(c): this statement is the US Attorney General's determination (national security or public safety,
   * notified to the SEC in writing) granting the initial delay, its extension or the final one, or the SEC's exemptive
   * order beyond them. It delays the 8-K only; absent, an ordinary law-enforcement statement, which never delays the 8-K.
   */
  secItem105c: z.enum(['initial', 'extension', 'final', 'exemptive_order']).optional(),
});

export const NoticeSchema = z.strictObject({
  obligation: bounded(FIELD_LIMITS.obligation),
  sentAt: IsoInstant,
  note: z.string().max(2000).optional(),
});

/** The import format: what `import` accepts and `export --format json` writes (plus record-keeping fields). */
export const IncidentImportSchema = z.strictObject({
  // Shown on one line (lists, headings): a line break in it could start a forged line.
  title: z.string().min(1).max(200).refine((t) => !LINE_BREAK.test(t), 'must be one line (it holds a line break)'),
  organization: OrganizationSchema,
  discoveredAt: IsoInstant,
  occurredFrom: IsoInstant.nullable().default(null),
  occurredTo: IsoInstant.nullable().default(null),
  vendor: VendorSchema.nullable().default(null),
  affected: AffectedSchema,
  dataCategories: z.array(bounded(FIELD_LIMITS.category)).max(FIELD_LIMITS.categories, `at most ${FIELD_LIMITS.categories} categories`).default([]),
  /** null: not yet known (HIPAA obligations then need facts). */
  phiInvolved: z.boolean().nullable().default(null),
  dataEncrypted: z.boolean().nullable().default(null),
  /** true: the key or credentials were taken too, so encrypted data counts as breached (HIPAA and the states that say so). */
  keyCompromised: z.boolean().nullable().default(null),
  materialityDeterminedAt: IsoInstant.nullable().default(null),
  /** When the organization determined that a breach occurred (state laws that count from determination); defaults to discovery. */
  breachDeterminedAt: IsoInstant.nullable().default(null),
  /** GDPR risk to individuals: unlikely (no SA notice), risk (Art. 33), high (Art. 33 and 34). null: not assessed. */
  gdprRisk: z.enum(['unlikely', 'risk', 'high']).nullable().default(null),
  lawEnforcementDelays: z.array(LawEnforcementDelaySchema).max(FIELD_LIMITS.lawEnforcementDelays, `at most ${FIELD_LIMITS.lawEnforcementDelays} delays`).default([]),
  notices: z.array(NoticeSchema).max(FIELD_LIMITS.notices, `at most ${FIELD_LIMITS.notices} notices`).default([]),
  status: IncidentStatus.default('triage'),
  roles: z
    .strictObject({
      commander: bounded(FIELD_LIMITS.name).optional(),
      privacyOfficer: bounded(FIELD_LIMITS.name).optional(),
      legal: bounded(FIELD_LIMITS.name).optional(),
    })
    .default({}),
});

export const ActorSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  platform: Platform,
});

// An old or new value on a timeline entry (a fact, a delay, a member list): a few levels deep at most. One nested thousands
// of levels (a line forged in the store) would overflow the stack of every hash and write of the record.
const ChangeValue = z.unknown().refine((v) => !nestedDeeperThan(v, 32), 'nested more than 32 levels deep');

export const TimelineEntrySchema = z.strictObject({
  at: IsoInstant,
  actor: ActorSchema,
  action: z.string().min(1),
  text: z.string(),
  changes: z.array(z.strictObject({ field: z.string(), from: ChangeValue, to: ChangeValue })).optional(),
  /** SHA-256 of the incident's state after this entry's change (bot/record/state-digest.ts); absent on entries written before it. */
  stateDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Hash of the previous link of the chain (bot/record/chain.ts); absent on entries written before chaining. */
  prev: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** SHA-256 of this entry's canonical form (with `prev`, without `hash`). */
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

export const ChannelLinkSchema = z.strictObject({
  platform: z.enum(['slack', 'teams', 'terminal']),
  id: z.string().min(1),
  name: z.string().optional(),
  linkedAt: IsoInstant,
  linkedBy: z.string(),
  /** Actor key (`slack:U123`) of who linked it: reminders go only to channels linked by a current member or admin. */
  linkedByKey: z.string().optional(),
  /** Teams conversation reference (opaque to the core) for proactive messages. */
  reference: z.unknown().refine((v) => !nestedDeeperThan(v, 32), 'nested more than 32 levels deep').optional(),
});

export const RiskAssessmentSchema = z.strictObject({
  factors: z.strictObject({
    natureAndExtent: z.string().min(1),
    unauthorizedPerson: z.string().min(1),
    acquiredOrViewed: z.string().min(1),
    mitigation: z.string().min(1),
  }),
  conclusion: z.enum(['low_probability', 'presumed_breach']),
  decidedBy: z.string().min(1),
  decidedAt: IsoInstant,
});

export const SnoozeSchema = z.strictObject({
  obligation: z.string().min(1),
  until: IsoInstant,
  reason: z.string().min(1),
  by: z.string().min(1),
  at: IsoInstant,
});

/** One reminder delivered (or skipped) for (obligation, step, due instant, channel). */
export const DeliverySchema = z.strictObject({
  key: z.string().min(1),
  obligation: z.string().min(1),
  step: z.string().min(1),
  dueAt: IsoInstant,
  channel: z.string().min(1),
  outcome: z.enum(['delivered', 'skipped']),
  at: IsoInstant,
  late: z.boolean().default(false),
  messageId: z.string().optional(),
});

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** The tamper-evident chain over the timeline (and the access log): see bot/record/chain.ts. */
export const ChainSchema = z.strictObject({
  /** The incident's chain head: the hash anchored and printed on exports. */
  head: Sha256Hex,
  /** Head and length of each chained list. */
  lists: z.record(z.string(), z.strictObject({ head: Sha256Hex, entries: z.number().int().min(0) })),
  /** Entries written before chaining, sealed once into a first link per list: how many, and the hash they end at. */
  seal: z.strictObject({ at: IsoInstant, lists: z.record(z.string(), z.strictObject({ entries: z.number().int().min(1), head: Sha256Hex })) }).optional(),
  /** The last head posted to the anchor channel. */
  anchored: z
    .strictObject({
      head: Sha256Hex,
      at: IsoInstant,
      channel: z.string(),
      messageId: z.string().optional(),
      /** UTC day of the last daily anchor post that included this incident (the once-a-day record). */
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    })
    .optional(),
});

/** One person added to the response team with `member add` (the opener and role holders count without it). */
export const MemberSchema = z.strictObject({
  /** Actor key, e.g. `slack:U123`, `teams:<AAD object id>`, `terminal:dana`. */
  key: z.string().min(1),
  addedBy: z.string().min(1),
  addedAt: IsoInstant,
});

/** One access to an incident's record (HIPAA 164.312(b)): a read, an export or a refusal. */
export const AccessEventSchema = z.strictObject({
  at: IsoInstant,
  kind: z.enum(['read', 'export', 'refused']),
  /** The command word, e.g. `show`. */
  command: z.string().min(1),
  actor: ActorSchema,
  channel: z.strictObject({ platform: z.string().min(1), id: z.string().min(1), name: z.string().optional() }).optional(),
  /** Why a refusal happened, in plain words. */
  reason: z.string().optional(),
  /** Hash chain links, as on timeline entries (bot/record/chain.ts). */
  prev: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/** A post about to be made (durable intent): written before posting, removed when its outcome is recorded. */
// A delivery key or a channel label (`slack:C123`, `teams:19:…@thread.tacv2`): one word. The outbox is outside the state
// digest, and reconciling a stale intent writes a system timeline entry naming its channel: a sentence put there by
// hand would be laundered into the chained record.
const OneWord = (max: number) => z.string().min(1).max(max, `at most ${max} characters`).regex(/^\S+$/, 'one word, no spaces');

export const OutboxEntrySchema = z.strictObject({
  key: OneWord(1000),
  channel: OneWord(300),
  intendedAt: IsoInstant,
});

/** A deadline the team owes under a contract or policy (BAA, DPA, cyber insurance), tracked like a legal one. */
export const ContractualClockSchema = z.strictObject({
  /** `CONTRACT-n`, also its obligation id. */
  id: z.string().regex(/^CONTRACT-\d+$/),
  recipient: z.string().min(1).max(200),
  /** Either a duration from the start event, or a fixed instant. */
  within: z.strictObject({ amount: z.number().int().min(1).max(10_000), unit: z.enum(['hours', 'days']) }).nullable(),
  by: IsoInstant.nullable(),
  /** What starts the clock: our discovery, the vendor's notice to us, or a stated instant. */
  from: z.union([z.enum(['discovery', 'notified']), IsoInstant]),
  /** The clause or policy it comes from, as the team wrote it. */
  basis: z.string().min(1).max(500),
  addedBy: z.string().min(1),
  addedAt: IsoInstant,
  /** Set by `clock remove`: the clock stays in the record, no longer reminded. */
  removedAt: IsoInstant.nullable().default(null),
});

/** A response-plan task marked done, or a task the team added. */
export const PlanTaskSchema = z.strictObject({
  /** Plan step id (e.g. `preserve-evidence`) or `TASK-n` for one the team added. */
  id: z.string().min(1).max(80),
  title: z.string().min(1).max(300),
  doneAt: IsoInstant.nullable().default(null),
  doneBy: z.string().nullable().default(null),
  /** Added by the team (not from the default plan). */
  custom: z.boolean().default(false),
});

export const IncidentSchema = z.strictObject({
  ...IncidentImportSchema.shape,
  id: z.string().regex(/^BR-\d+$/),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  riskAssessments: z.array(RiskAssessmentSchema).default([]),
  channels: z.array(ChannelLinkSchema).default([]),
  snoozes: z.array(SnoozeSchema).default([]),
  deliveries: z.array(DeliverySchema).default([]),
  /** Posts begun but not known to be recorded: after a crash they are reconciled (posted again, marked as a possible repeat). */
  outbox: z.array(OutboxEntrySchema).default([]),
  timeline: z.array(TimelineEntrySchema).default([]),
  members: z.array(MemberSchema).default([]),
  accessLog: z.array(AccessEventSchema).default([]),
  clocks: z.array(ContractualClockSchema).default([]),
  tasks: z.array(PlanTaskSchema).default([]),
  chain: ChainSchema.optional(),
});

export type IncidentImport = z.input<typeof IncidentImportSchema>;
export type IncidentFacts = z.output<typeof IncidentImportSchema>;
export type Incident = z.output<typeof IncidentSchema>;
export type Actor = z.output<typeof ActorSchema>;
export type TimelineEntry = z.output<typeof TimelineEntrySchema>;
export type ChannelLink = z.output<typeof ChannelLinkSchema>;
export type RiskAssessment = z.output<typeof RiskAssessmentSchema>;
export type Delivery = z.output<typeof DeliverySchema>;
export type Snooze = z.output<typeof SnoozeSchema>;
export type Chain = z.output<typeof ChainSchema>;
export type Member = z.output<typeof MemberSchema>;
export type AccessEvent = z.output<typeof AccessEventSchema>;
export type OutboxEntry = z.output<typeof OutboxEntrySchema>;
export type ContractualClock = z.output<typeof ContractualClockSchema>;
export type PlanTask = z.output<typeof PlanTaskSchema>;
export type PlatformName = z.output<typeof Platform>;
export type IncidentStatusName = z.output<typeof IncidentStatus>;

const knownZones = new Map<string, boolean>();

/**
 * True when Intl knows the IANA zone name: the zone table's names at once (bot/zone-table.ts, written from Intl),
 * others asked of Intl and remembered (building a formatter per check is slow at scale).
 */
export function isKnownTimeZone(name: string): boolean {
  if (tableHasZone(name)) return true;
  let known = knownZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = name.length > 0;
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(name, known);
  }
  return known;
}
