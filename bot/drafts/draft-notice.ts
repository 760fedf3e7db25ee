// Which draft an obligation gets, and the draft itself: a pure function of the incident, the obligation and now.
import type { Incident } from '../model/incident-schema.ts';
import type { Obligation } from '../deadlines/types.ts';
import { createDraftWriter, draftFooter, type Draft, type DraftLang, type DraftWriter } from './draft-text.ts';
import { authorityNotification, dataSubjectLetter, healthAgencyDeclaration } from './eu-notices.ts';
import { individualLetter, mediaNotice } from './us-letters.ts';
import { hhsFieldSheet, ownerNotice, regulatorNotice } from './us-filings.ts';

type Kind = { kind: string; title: [string, string]; write: (w: DraftWriter, now: Date) => string[] };

const KINDS: { test: RegExp; kind: Kind }[] = [
  { test: /^(US-HIPAA-164\.404-INDIVIDUALS|US-42CFR2-2\.16-INDIVIDUALS|US-FTC-HBNR-INDIVIDUALS|US-[A-Z]{2}-BREACH:individuals|US-CA-BREACH:hs1280\.15_patients)$/, kind: { kind: 'individual-letter', title: ['Letter to individuals', 'Lettre aux personnes concernées'], write: individualLetter } },
  { test: /^(US-HIPAA-164\.406-MEDIA|US-42CFR2-2\.16-MEDIA|US-FTC-HBNR-MEDIA)/, kind: { kind: 'media-notice', title: ['Media notice', 'Communiqué aux médias'], write: mediaNotice } },
  { test: /^(US-HIPAA-164\.408-HHS|US-42CFR2-2\.16-HHS)/, kind: { kind: 'hhs-field-sheet', title: ['HHS breach portal field sheet', 'Fiche de saisie du portail HHS'], write: hhsFieldSheet } },
  { test: /^(US-HIPAA-164\.410-BA-TO-CE|US-[A-Z]{2}-BREACH:owner|EU-GDPR-33-PROCESSOR|UK-GDPR-33-PROCESSOR|US-FTC-HBNR-TPSP)$/, kind: { kind: 'owner-notice', title: ['Notice to the data owner', 'Notification au responsable des données'], write: ownerNotice } },
  { test: /^(FR-CNIL-GDPR-33|EU-GDPR-33-SA|UK-GDPR-33-ICO)/, kind: { kind: 'authority-notification', title: ['Notification to the supervisory authority', 'Notification à l’autorité de contrôle'], write: authorityNotification } },
  { test: /^(EU|UK)-GDPR-34-DS/, kind: { kind: 'data-subject-letter', title: ['Letter to data subjects (Art. 34)', 'Courrier aux personnes concernées (art. 34)'], write: dataSubjectLetter } },
  { test: /^FR-CSP-L1111-8-2-SSI/, kind: { kind: 'health-agency-declaration', title: ['ARS / CERT Santé declaration', 'Déclaration ARS / CERT Santé'], write: healthAgencyDeclaration } },
];

const REGULATOR: Kind = {
  kind: 'regulator-notice', title: ['Notice to the regulator', 'Notification à l’autorité'],
  // Items matched in English (the filing data's `content`), shown in the reader's language (`contentFr` one for one).
  write: (w) => regulatorNotice(w, w.obligation.filing?.content ?? [], (w.lang === 'fr' ? w.obligation.filing?.contentFr : undefined) ?? w.obligation.filing?.content ?? []),
};

/** The draft kind for an obligation, or null when breachdesk has no draft for it (contractual clocks, SEC filings). */
export function draftKind(o: Obligation): Kind | null {
  const hit = KINDS.find((k) => k.test.test(o.obligation));
  if (hit) return hit.kind;
  if (!o.contractual && o.filing && o.filing.content.length > 0) return REGULATOR;
  return null;
}

/** The draft of the notice for `o`, in `lang`, dates in the organization's zone. */
export function draftNotice(incident: Incident, o: Obligation, lang: DraftLang, now: Date): Draft | null {
  const kind = draftKind(o);
  if (!kind) return null;
  const w = createDraftWriter(incident, o, lang, now);
  const title = `${kind.title[lang === 'fr' ? 1 : 0]} · ${incident.id} · ${o.recipient}`;
  const body = kind.write(w, now);
  const checklist = o.filing && kind !== REGULATOR
    ? ['', lang === 'fr' ? 'Éléments exigés (à vérifier avant envoi)\u00a0:' : 'Required elements (check before sending):', ...((lang === 'fr' ? o.filing.contentFr : undefined) ?? o.filing.content).map((c) => `  [ ] ${c}`)]
    : [];
  return { kind: kind.kind, title, text: [title, ...whereToFile(o, lang), '', ...body, ...checklist, ...draftFooter(o, lang)].join('\n'), missing: w.missingList() };
}

/** Where and how the notice is filed, from the obligation's filing guidance. */
function whereToFile(o: Obligation, lang: DraftLang): string[] {
  const f = o.filing;
  if (!f) return [];
  const fr = lang === 'fr';
  const where = [f.portal, (fr && f.formFr) || f.form, f.email, f.postal, f.phone].filter(Boolean).join(' · ');
  return [
    `${fr ? 'Où\u00a0:' : 'Where:'} ${(fr && f.toFr) || f.to}${where ? ` — ${where}` : ''}`,
    `${fr ? 'Comment\u00a0:' : 'How:'} ${(fr && f.methodFr) || f.method}${f.signedBy ? ` (${fr ? 'signé par' : 'signed by'} ${(fr && f.signedByFr) || f.signedBy})` : ''}`,
    ...(f.verification === 'unverified' ? [fr ? 'Attention\u00a0: ces indications de dépôt ne sont pas vérifiées.' : 'Note: this filing guidance is unverified.'] : []),
  ];
}
