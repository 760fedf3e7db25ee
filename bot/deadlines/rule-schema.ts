// Notification rules as data (data/rules/*.json): the zod schema every rule file is validated against at load.
import { z } from 'zod';
import { DATA_CATEGORIES } from '../model/data-categories.ts';
import { OrganizationRole, VendorRole } from '../model/incident-schema.ts';

/** How sure we are of a rule: primary text read, secondary sources only, or unverified. */
export const Verification = z.enum(['verified_primary_text', 'verified_secondary', 'unverified']);

/** A rule id, e.g. US-HIPAA-164.404-INDIVIDUALS. */
const RuleId = z.string().regex(/^[A-Z]{2}(-[A-Za-z0-9.]+)+$/, 'expected a rule id like US-TX-BREACH');
/** A rule id, optionally qualified by a part: US-TX-BREACH:individuals. */
const ObligationRef = z.string().regex(/^[A-Z]{2}(-[A-Za-z0-9.]+)+(:[a-z0-9_.]+)?$/, 'expected an obligation id like US-TX-BREACH:individuals');
const Code = z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'expected a code like US, US-TX or FR');
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-01-01');

/** Groups of countries a rule can be scoped to. */
export const Region = z.enum(['US', 'EU_EEA', 'GB', 'FR']);

/** Organization flags a rule can require. */
export const OrgFlag = z.enum(['nis2Entity', 'secRegistrant', 'frHealthEstablishment', 'frOse', 'caHealthFacility', 'nyDfsEntity']);

/** A category of the fixed vocabulary (bot/model/data-categories.ts). */
export const Category = z.enum(DATA_CATEGORIES);

const conditionShape = {
  role: z.array(OrganizationRole).min(1).optional(),
  notRole: z.array(OrganizationRole).min(1).optional(),
  flag: OrgFlag.optional(),
  country: z.array(Code).min(1).optional(),
  notCountry: z.array(Code).min(1).optional(),
  /** Organization based in the region, or residents of it affected. */
  region: Region.optional(),
  /** More than zero affected residents of this jurisdiction. */
  residentsOf: Code.optional(),
  vendorRole: z.array(VendorRole).min(1).optional(),
  /** A possible 42 CFR Part 2 program: organization.part2Program true, or unknown with SUD treatment records breached. */
  part2Candidate: z.literal(true).optional(),
};

/** Facts that must all hold (every key given is ANDed); `anyOf`: at least one of these plain conditions holds too. */
export const Condition = z
  .strictObject({ ...conditionShape, anyOf: z.array(z.strictObject(conditionShape)).min(2).optional() })
  .refine((c) => Object.keys(c).length > 0, 'a condition needs at least one fact');

/** A condition that makes the obligation not_applicable (with `otherwise` as the reason) when it fails. */
export const Requirement = z.strictObject({ ...conditionShape, otherwise: z.string().min(1) });

/** A head-count test: total affected, or residents of the obligation's jurisdiction. */
export const Threshold = z.strictObject({
  count: z.enum(['total', 'residents']),
  op: z.enum(['>', '>=', '<']),
  value: z.number().int().min(0),
  /** Extra words for the not_applicable reason, e.g. which rule applies instead. */
  otherwise: z.string().min(1).optional(),
});

/** What starts the clock. `notice`: when another obligation's notice was sent (or, as an upper bound, its deadline). */
export const Anchor = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('discovery') }),
  z.strictObject({ event: z.literal('determination') }),
  z.strictObject({ event: z.literal('materiality') }),
  z.strictObject({ event: z.literal('vendor_discovery') }),
  /** GDPR Art. 33: our awareness; with a processor, when it informed us (or our own discovery if earlier). */
  z.strictObject({ event: z.literal('awareness') }),
  z.strictObject({ event: z.literal('notice'), obligations: z.array(ObligationRef).min(1) }),
]);

const Standard = z.string().min(1).optional();

/** How long after the anchor the notice is due. */
export const Clock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('calendar_days'), days: z.number().int().min(0), standard: Standard }),
  z.strictObject({
    type: z.literal('business_days'),
    days: z.number().int().min(1),
    /** date-holidays calendar: US (federal) or US-XX (that state's public holidays). */
    holidays: Code,
    /** SEC GI B.1: a non-business anchor day starts the count on, and including, the next business day (said in the basis). */
    nonBusinessStart: z.enum(['count_after', 'next_business_day_inclusive']).default('count_after'),
    standard: Standard,
  }),
  z.strictObject({ type: z.literal('hours'), hours: z.number().int().min(1), standard: Standard }),
  z.strictObject({ type: z.literal('months'), months: z.number().int().min(1), standard: Standard }),
  /** N days after 31 December of the anchor's year (HHS annual log). */
  z.strictObject({ type: z.literal('after_calendar_year'), days: z.number().int().min(1), standard: Standard }),
  z.strictObject({ type: z.literal('immediate'), standard: z.string().min(1) }),
  /** Before the anchor itself (NJ: the State Police before customers): due at its instant, not by the end of its day. */
  z.strictObject({ type: z.literal('before_anchor'), standard: z.string().min(1) }),
  z.strictObject({ type: z.literal('none_fixed'), standard: z.string().min(1) }),
  z.strictObject({ type: z.literal('on_request'), standard: Standard }),
]);

/** A different clock when a threshold or an effective date says so (first match wins). */
export const Alternative = z.strictObject({
  when: z
    .strictObject({
      threshold: Threshold.optional(),
      triggerBefore: IsoDay.optional(),
      /** The rule's HIPAA deeming applies to this organization and incident (e.g. WA: AG on the HITECH timeline). */
      hipaaDeemed: z.literal(true).optional(),
    })
    .refine((w) => w.threshold !== undefined || w.triggerBefore !== undefined || w.hipaaDeemed !== undefined, 'give threshold, triggerBefore or hipaaDeemed'),
  clock: Clock,
  note: z.string().min(1),
});

/** Named applicability checks implemented in code (bot/deadlines/gates.ts). */
export const Gate = z.enum(['hipaa_unsecured_phi', 'ftc_unsecured', 'gdpr_risk', 'gdpr_high_risk', 'part2_program', 'gdpr_territorial', 'uk_gdpr_territorial']);

/** Law-enforcement delay regimes (45 CFR 164.412; 16 CFR 318.4 has the same structure; a state's own clause). */
export const Tolling = z.enum(['hipaa_164_412', 'ftc_318_4', 'state_law_enforcement']);

/** The part applies only when one of these categories was breached (e.g. credit monitoring for SSNs). */
export const DataRequirement = z.strictObject({ anyOf: z.array(Category).min(1), otherwise: z.string().min(1) });

/** One notice to one recipient; a rule has one or more. */
export const ObligationPart = z.strictObject({
  /** Qualifier after the colon (US-TX-BREACH:individuals); null for the bare rule id. */
  part: z.string().regex(/^[a-z0-9_.]+$/).nullable(),
  /** Words; `{jurisdiction}` is replaced by the State for fanned-out parts. */
  recipient: z.string().min(1),
  /** One obligation per affected US State or jurisdiction (id suffix :US-XX). */
  fanOut: z.literal('us_jurisdictions').optional(),
  /** Replaces the rule's scope for this part. */
  scope: Condition.optional(),
  requires: z.array(Requirement).default([]),
  /** Replaces the rule's gates for this part. */
  gates: z.array(Gate).optional(),
  threshold: Threshold.nullable().default(null),
  anchor: Anchor,
  clock: Clock,
  alternatives: z.array(Alternative).default([]),
  /**
   * Main clock only: also due no later than this notice when it is sent earlier (VT AG; HHS "contemporaneously"); a
   * list when the residents' notice may be any of several (AR: the State's own, or the HIPAA notice deemed to satisfy it).
   */
  orEarlierNotice: z.union([ObligationRef, z.array(ObligationRef).min(1)]).optional(),
  tolling: Tolling.nullable().default(null),
  /** A delay of its own, not law-enforcement tolling: Form 8-K Item 1.05(c) (only a US Attorney General determination moves the filing). */
  delayedBy: z.literal('sec_item_105c').optional(),
  /** The notice is owed TO this organization by its vendor: done when vendor.notifiedUsAt (or a notice) is recorded. */
  owedBy: z.literal('vendor').optional(),
  dataRequires: DataRequirement.optional(),
  /** Credit monitoring / identity-theft protection: how long the service must be offered. */
  serviceMonths: z.number().int().min(1).optional(),
  law: z.string().min(1).optional(),
  citation: z.string().min(1).optional(),
  verification: Verification.optional(),
  caveats: z.array(z.string().min(1)).default([]),
});

/** How a state statute treats HIPAA-regulated entities. */
export const HipaaTreatment = z.strictObject({
  /** exempt: the statute does not apply; deemed: a HIPAA notice satisfies the listed parts; none: no carve-out. */
  kind: z.enum(['exempt', 'deemed', 'none']),
  /** The organization roles the carve-out covers (as the statute says: covered entities, business associates). */
  roles: z.array(OrganizationRole).min(1).default(['covered_entity', 'business_associate']),
  /** For deemed: the parts a HIPAA-compliant notice satisfies. */
  deemedParts: z.array(z.string().regex(/^[a-z0-9_.]+$/)).default(['individuals']),
  /**
   * For deemed: the part of this rule whose notice the carve-out rests on (OK: "if the Attorney General is notified").
   * Where that part's own threshold leaves it not owed, the carve-out does not hold and the deemed parts stay owed.
   */
  requiresNotice: z.string().regex(/^[a-z0-9_.]+$/).optional(),
  citation: z.string().min(1),
  note: z.string().min(1).optional(),
});

/** Where a state's law-enforcement delay clause is and on what terms. */
export const LawEnforcementClause = z.strictObject({
  citation: z.string().min(1),
  terms: z.string().min(1),
  /** The parts the clause delays. */
  parts: z.array(z.string().regex(/^[a-z0-9_.]+$/)).min(1).default(['individuals']),
});

/** A source the rule was checked against: named by title and date, never by a local path. */
export const Source = z.strictObject({ title: z.string().min(1), date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/) });

const versionable = {
  citation: z.string().min(1).optional(),
  verification: Verification.optional(),
  caveats: z.array(z.string().min(1)).optional(),
  hipaa: HipaaTreatment.optional(),
  obligations: z.array(ObligationPart).min(1).optional(),
};

/** A dated version of a rule: it replaces the listed fields for incidents discovered in [from, before). */
export const RuleVersion = z
  .strictObject({ label: z.string().min(1), from: IsoDay.optional(), before: IsoDay.optional(), ...versionable })
  .refine((v) => v.from !== undefined || v.before !== undefined, 'a version needs from or before');

/** One rule and how to compute its notices. */
export const RuleSchema = z.strictObject({
  id: RuleId,
  law: z.string().min(1),
  citation: z.string().min(1),
  /** US, US-TX, EU, GB, FR. */
  jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/),
  verification: Verification,
  /** Outside this scope the rule is unrelated to the incident and left out entirely. */
  scope: Condition,
  gates: z.array(Gate).default([]),
  caveats: z.array(z.string().min(1)).default([]),
  obligations: z.array(ObligationPart).min(1),
  notes: z.string().optional(),
  /** State breach laws: HIPAA treatment, personal-information definition, encryption safe harbor, delay clause. */
  hipaa: HipaaTreatment.optional(),
  /** Name of a personal-information definition (piDefinitions of a rule file). */
  personalInfo: z.string().min(1).optional(),
  /** Encrypted data whose key was not taken is not a breach here (false: no safe harbor in the statute). */
  encryptionSafeHarbor: z.boolean().default(true),
  lawEnforcementDelay: LawEnforcementClause.optional(),
  /** Label of the base version (when versions exist), e.g. "SB 446, for breaches from 2026-01-01". */
  versionLabel: z.string().min(1).optional(),
  versions: z.array(RuleVersion).default([]),
  /** Not applicable to a typical organization (GA, KY): every part is not_applicable with this reason. */
  notApplicable: z.string().min(1).optional(),
  sources: z.array(Source).default([]),
  /** When the rule was last checked against its sources. */
  checked: IsoDay.optional(),
});

/** A personal-information definition: any one combination (all categories of it breached) makes the data covered. */
export const PiDefinition = z.strictObject({
  combinations: z.array(z.array(Category).min(1)).min(1),
  /** Words for the not_applicable reason, e.g. "medical information is not personal information here". */
  note: z.string().min(1).optional(),
});

/** A data/rules/*.json file. */
export const RuleFileSchema = z.strictObject({
  description: z.string().min(1),
  /** Caveats added to every rule of the file (text, or @id of a shared caveat). */
  caveats: z.array(z.string().min(1)).default([]),
  /** Caveats shared by many rules, by id: a rule names one as "@id"; an answer states each once. */
  sharedCaveats: z.record(z.string().regex(/^[a-z0-9-.]+$/), z.string().min(1)).default({}),
  piDefinitions: z.record(z.string().regex(/^[a-z0-9_]+$/), PiDefinition).default({}),
  rules: z.array(RuleSchema),
});

/** A verification level. */
export type VerificationLevel = z.output<typeof Verification>;
/** Parsed scope condition. */
export type RuleCondition = z.output<typeof Condition>;
/** Parsed requirement (condition + not_applicable reason). */
export type RuleRequirement = z.output<typeof Requirement>;
/** Parsed head-count threshold. */
export type RuleThreshold = z.output<typeof Threshold>;
/** Parsed clock anchor. */
export type RuleAnchor = z.output<typeof Anchor>;
/** Parsed clock. */
export type RuleClock = z.output<typeof Clock>;
/** Parsed alternative clock. */
export type RuleAlternative = z.output<typeof Alternative>;
/** Name of a coded applicability check. */
export type RuleGate = z.output<typeof Gate>;
/** Name of a law-enforcement delay regime. */
export type RuleTolling = z.output<typeof Tolling>;
/** One parsed obligation part of a rule. */
export type RulePart = z.output<typeof ObligationPart>;
/** One parsed rule. */
export type Rule = z.output<typeof RuleSchema>;

/** Parsed HIPAA treatment. */
export type RuleHipaa = z.output<typeof HipaaTreatment>;
/** Parsed personal-information definition. */
export type RulePiDefinition = z.output<typeof PiDefinition>;
/** Parsed dated version. */
export type RuleVersionData = z.output<typeof RuleVersion>;

/** Every loaded rule, in file order, plus where they came from. */
export interface RuleSet {
  readonly rules: readonly Rule[];
  /** Personal-information definitions by name (from every file). */
  readonly piDefinitions?: ReadonlyMap<string, RulePiDefinition>;
  /** Shared caveat id by its text: an answer states each once. */
  readonly sharedCaveatIds?: ReadonlyMap<string, string>;
  /** The files the rules were read from (for messages). */
  readonly files: readonly string[];
  /** Rule texts in other languages (data/rules/<lang>/): the English text → its rendering. */
  readonly texts?: Readonly<Partial<Record<string, ReadonlyMap<string, string>>>>;
}
