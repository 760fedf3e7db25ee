// English messages. Add a namespace per topic; fr.ts must have the same keys (the type checker enforces it).

/** The English catalogue; its shape is the shape every language must fill. */
export const en = {
  common: {
    notLegalAdvice: 'not legal advice',
    timesIn: 'Times in {{zone}}',
    none: 'none',
  },
  time: {
    in: 'in {{span}}',
    overdueBy: 'overdue by {{span}}',
    short: { d_one: '{{count}}d', d_other: '{{count}}d', h_one: '{{count}}h', h_other: '{{count}}h', m_one: '{{count}}m', m_other: '{{count}}m' },
    words: {
      d_one: '{{count}} day', d_other: '{{count}} days', h_one: '{{count}} hour', h_other: '{{count}} hours',
      m_one: '{{count}} minute', m_other: '{{count}} minutes',
    },
    beforeHours_one: '{{count}} hour before', beforeHours_other: '{{count}} hours before',
    beforeDays_one: '{{count}} day before', beforeDays_other: '{{count}} days before',
  },
  status: {
    overdue: 'overdue', due_soon: 'due soon', pending: 'pending', tolled: 'delayed (law enforcement)', needs_facts: 'needs facts',
    done: 'done', not_applicable: 'not applicable', not_covered: 'not covered',
  },
  verification: {
    verified_primary_text: 'verified (primary text)', verified_secondary: 'secondary source', unverified: 'UNVERIFIED: confirm with counsel',
  },
  deadlines: {
    title: '{{id}} · Deadlines',
    asOf: 'as of {{now}} ({{notLegalAdvice}})',
    counts: '{{open}} open · {{overdue}} overdue · {{done}} done · {{na}} not applicable',
    empty: 'No notification rule applies with the recorded facts (role, country, affected jurisdictions): check them with `show {{id}}`.',
    dayHeading: '{{day}} ({{countdown}})',
    noFixed: 'No fixed deadline (without undue delay)',
    onRequest: 'Only if the authority asks',
    needsFacts: 'Needs facts before a deadline can be computed',
    doneGroup: 'Done',
    naGroup: 'Not applicable',
    notCoveredGroup: 'Not covered by breachdesk: check with counsel',
    dueAt: 'due {{at}}',
    endOfDay: '{{at}} (end of day)',
    immediately: 'immediately, at the latest {{at}}',
    upperBound: 'upper bound {{at}}',
    sentAt: 'sent {{at}}',
    next: 'Next',
    nextHeading: 'Next to send',
    markDone: 'Mark done',
    snooze: 'Snooze 1 day',
    details: 'Details',
    detailsFor: 'Details…',
    detailsPlaceholder: 'Details of one notice',
    showMore: 'Show more ({{left}} left)',
    page: 'Notices {{from}}–{{to}} of {{total}}',
    footnotesHeading: 'Notes that apply to several notices',
    footnoteRefs: 'See notes {{refs}}.',
    detailsHint: '`deadlines {{id}} --only <words>` shows one notice in full (e.g. `--only {{example}}`).',
    recipient: 'Notify',
    due: 'Due',
    citation: 'Citation',
    verification: 'Verification',
    basis: 'Basis',
    filing: 'How to file',
    caveats: 'Caveats',
    tolledUntil: 'Law-enforcement delay until {{at}}',
    obligationId: 'Obligation id',
  },
} as const;

/** Deep-widen literal strings to string, keeping the keys: what every other language must provide. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape of a complete catalogue. */
export type Catalogue = Widen<typeof en>;
