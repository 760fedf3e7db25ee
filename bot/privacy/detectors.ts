// Patient identifiers in free text: each detector finds spans of one kind; context words keep agency numbers and
// incident facts (ids, dates, counts, citations) from being mistaken for a patient's.

/** The kinds of identifier the guard knows, in the words its messages use. */
export type PhiKind = 'ssn' | 'nir' | 'nhs' | 'mrn' | 'dob' | 'email' | 'phone';

/** One identifier found: its kind and where it is (the value itself is never reported). */
export interface PhiFinding {
  kind: PhiKind;
  start: number;
  end: number;
}

type Detector = (text: string) => PhiFinding[];

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|oct|nov|d[ée]c)[a-zéû]*\\.?';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|${MONTHS}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTHS}\\s+\\d{4})`;

const PERSONAL_CUE = /\b(patient'?s?|pt\.?|resident'?s?|member'?s?|subscriber'?s?|individual'?s?|victim'?s?|client'?s?|his|her|their|home|cell|mobile|personal|portable|domicile|mr|mrs|ms|mme|dob|born|family|mother|father|daughter|son|wife|husband|guardian|relative|employee'?s?|nurse'?s?)\b/i;
const ORG_CUE = /\b(fbi|police|pd|hhs|ocr|cnil|anssi|ars|cert|csirt|cisa|ic3|agency|office|bureau|department|dept|hotline|helpline|help ?desk|service ?desk|switchboard|main line|tip line|vendor|insurer|carrier|counsel|law firm|attorney general|ag|secret service|sheriff|gendarmerie|commission|ministry|regulator|ico|state|county|contact cent(?:er|re)|call cent(?:er|re)|toll[- ]free|support|standard|accueil|pr[ée]fecture|parquet|tribunal|embassy|portal|hospital|clinic|h[ôo]pital)\b/i;

const before = (text: string, at: number, n: number) => text.slice(Math.max(0, at - n), at);
const after = (text: string, at: number, n: number) => text.slice(at, at + n);
const digits = (s: string) => s.replace(/\D/g, '');

function matches(text: string, pattern: RegExp, kind: PhiKind, keep: (m: RegExpExecArray) => boolean, group = 0): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    if (!keep(m)) continue;
    const value = m[group]!;
    const start = m.index + m[0].indexOf(value);
    found.push({ kind, start, end: start + value.length });
  }
  return found;
}

/** US SSN: 3-2-4 digits with valid area/group/serial, or nine digits after an SSN label. */
const ssn: Detector = (text) => [
  ...matches(text, /(?<![\d-])(\d{3})[- ](\d{2})[- ](\d{4})(?![\d-])/, 'ssn', (m) => {
    const area = Number(m[1]);
    return area !== 0 && area !== 666 && area < 900 && m[2] !== '00' && m[3] !== '0000';
  }),
  ...matches(text, /\b(?:ssn|ss#|social security(?: number| no\.?)?)\W{0,5}(\d{9})\b/i, 'ssn', () => true, 1),
];

/** French NIR: sex, year, month, department, commune, order (13 digits), with its mod-97 key, or labelled without it. */
const nir: Detector = (text) =>
  matches(text, /(?<![\d])([12])[ .]?(\d{2})[ .]?(0[1-9]|1[0-2]|[2-9]\d)[ .]?(\d{2}|2[AB])[ .]?(\d{3})[ .]?(\d{3})(?:[ .]?(\d{2}))?(?![\d])/i, 'nir', (m) => {
    const body = `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}`.toUpperCase();
    if (/\b(nir|s[ée]cu(rit[ée] sociale)?|carte vitale|ins)\b/i.test(before(text, m.index, 40))) return true;
    if (m[7] === undefined) return false;
    // Corsica: 2A and 2B count as 19 and 18 in the key (the body minus 1,000,000 or 2,000,000).
    const n = BigInt(body.replace('2A', '20').replace('2B', '20')) - (body.includes('2A') ? 1_000_000n : body.includes('2B') ? 2_000_000n : 0n);
    return 97n - (n % 97n) === BigInt(m[7]);
  });

/** NHS number: ten digits with a valid mod-11 check digit, labelled "NHS" or written 3-3-4 with spaces outside a phone context. */
const nhs: Detector = (text) =>
  matches(text, /(?<![\d+-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])/, 'nhs', (m) => {
    const d = digits(m[0]);
    const sum = [...d.slice(0, 9)].reduce((s, c, i) => s + Number(c) * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10 || check !== Number(d[9])) return false;
    if (/\bnhs\b/i.test(before(text, m.index, 30))) return true;
    const around = `${before(text, m.index, 40)} ${after(text, m.index + m[0].length, 20)}`;
    return m[2] === ' ' && !/\b(tel|phone|call|fax|ring)\b/i.test(around) && !ORG_CUE.test(around);
  });

const MRN_LABEL =
  "mrns?|mr#|med(?:ical)?\\.? rec(?:ord)?s?\\.?(?: number| no\\.?| #)|patient(?:'s)? (?:id|identifier|number|no\\.?|#)|chart (?:number|no\\.?|#)|(?:patient )?account (?:number|no\\.?|#)|acct\\.? ?(?:no\\.?|#)|ipp|nip|n° ?(?:de )?dossier|num[ée]ro (?:de )?dossier|hospital (?:number|no\\.?)|member (?:id|number)|subscriber (?:id|number)|insurance (?:id|number)|medicare (?:id|number|no\\.?)|medicaid (?:id|number|no\\.?)|mbi|hicn";

/** Medical record and similar patient numbers: a label followed by a value with at least four digits. */
const mrn: Detector = (text) =>
  matches(text, new RegExp(`\\b(?:${MRN_LABEL})\\b[\\s:#=.-]*([A-Z]{0,4}-?\\d[\\dA-Z-]{3,})`, 'i'), 'mrn', (m) => digits(m[1]!).length >= 4, 1);

/** Dates of birth: a date after a birth label, or right after a person's name when its year is too old to be an incident date. */
const dob: Detector = (text) => [
  ...matches(text, new RegExp(`\\b(?:dob|d\\.o\\.b\\.?|date of birth|birth ?date|born(?: on)?|n[ée]e? le|date de naissance|ddn)\\b\\s*[:\\-]?\\s*(${DATE})`, 'i'), 'dob', () => true, 1),
  ...matches(text, new RegExp(`\\b(?:(?:mr|mrs|ms|mme|dr)\\.? )?[A-Z][a-zà-ÿ'-]+ [A-Z][a-zà-ÿ'-]+(?: [A-Z][a-zà-ÿ'-]+)?\\s*[,(]\\s*(${DATE})`), 'dob', (m) => {
    const year = /(\d{4})/.exec(m[1]!)?.[1] ?? /(\d{2})$/.exec(m[1]!)?.[1];
    return year !== undefined && (year.length === 2 || Number(year) < 2010);
  }, 1),
];

const ROLE_MAILBOX = /^(privacy|security|infosec|soc|legal|compliance|dpo|rgpd|gdpr|hipaa|breach|incidents?|cert|csirt|abuse|info|contact|support|helpdesk|servicedesk|noreply|no-reply|admin|it|ciso|rssi|press|media|communications|notifications?|ocr|oig|tips|reports?|cyber|risk|claims)([._+-].*)?$/i;
const OFFICIAL_DOMAIN = /(\.gov|\.mil|\.gouv\.fr|\.gov\.uk|\.police\.uk|\.europa\.eu|(^|\.)cnil\.fr|(^|\.)ic3\.gov)$/i;

/** E-mail addresses of individuals: anything but a role mailbox (privacy@…) or an official agency domain. */
const email: Detector = (text) =>
  matches(text, /\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b/, 'email', (m) => !ROLE_MAILBOX.test(m[1]!) && !OFFICIAL_DOMAIN.test(m[2]!));

const PHONES = [
  /(?<![\d-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/,
  /(?<![\d])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\d])/,
  /(?<![\d])(?:\+44\s?|0)7\d{3}\s?\d{3}\s?\d{3}(?![\d])/,
  /(?<![\w])\+\d{1,3}(?:[\s.-]?\d{1,4}){2,5}(?![\d])/,
];

/** Phone numbers of individuals: refused unless an agency, office or vendor is named beside the number and no person is. */
const phone: Detector = (text) =>
  PHONES.flatMap((p) =>
    matches(text, p, 'phone', (m) => {
      if (digits(m[0]).length < 9) return false;
      if (PERSONAL_CUE.test(before(text, m.index, 30))) return true;
      return !ORG_CUE.test(`${before(text, m.index, 60)} ${after(text, m.index + m[0].length, 30)}`);
    }),
  );

// Most specific first: a later detector's finding that overlaps an earlier one is dropped.
const DETECTORS: Detector[] = [ssn, nir, nhs, mrn, dob, email, phone];

/** Every patient identifier in the text, by position, without overlaps. */
export function findPatientIdentifiers(text: string): PhiFinding[] {
  const kept: PhiFinding[] = [];
  for (const detect of DETECTORS) {
    for (const f of detect(text)) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
