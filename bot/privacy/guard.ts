// The patient data guard: the store holds incident facts, not patient records. Free text with a patient identifier is
// refused (default) or stored redacted (BREACHDESK_PHI_GUARD=redact); the detected value is never echoed back.
import { CommandRefusedError } from '../errors.ts';
import { findPatientIdentifiers, type PhiKind } from './detectors.ts';

/** What the guard does with an identifier: refuse the request, or keep a redacted copy. */
export type PhiGuardMode = 'refuse' | 'redact';

const DESCRIBE: Record<PhiKind, { what: string; instead: string }> = {
  ssn: { what: 'a US Social Security number', instead: 'describe it as a data category and a count, e.g. "SSNs of 1,200 patients were in the export"' },
  nir: { what: 'a French social security number (NIR)', instead: 'describe it as a category and a count, e.g. "NIR de 300 patients exposés"' },
  nhs: { what: 'an NHS number', instead: 'describe it as a category and a count, e.g. "NHS numbers of 40 patients"' },
  mrn: { what: 'a medical record or patient number', instead: 'say "MRNs of 12 patients", or refer to your own case ticket instead of a patient\'s number' },
  dob: { what: 'a date of birth next to a person', instead: 'say "names and dates of birth were exposed", without the person or the date' },
  email: { what: "an individual's e-mail address", instead: 'name the role (privacy officer), a chat mention, or a shared mailbox such as privacy@…' },
  phone: { what: "an individual's phone number", instead: 'if it is an agency\'s, office\'s or vendor\'s number, name it beside the number (e.g. "FBI field office 202-324-3000"); a patient\'s or employee\'s own number does not belong in the record' },
};

/** The label redaction puts in place of an identifier. */
export function redactionLabel(kind: PhiKind): string {
  return `[redacted ${kind === 'dob' ? 'date of birth' : kind === 'nir' ? 'NIR' : kind === 'nhs' ? 'NHS number' : kind === 'mrn' ? 'patient number' : kind === 'ssn' ? 'SSN' : kind}]`;
}

/** The text with every identifier replaced by its label. */
export function redactPatientIdentifiers(text: string): string {
  let out = '';
  let at = 0;
  for (const f of findPatientIdentifiers(text)) {
    out += text.slice(at, f.start) + redactionLabel(f.kind);
    at = f.end;
  }
  return out + text.slice(at);
}

/** The kinds found, in order, without repeats. */
export function identifierKinds(text: string): PhiKind[] {
  return [...new Set(findPatientIdentifiers(text).map((f) => f.kind))];
}

/** The refusal sentence for one field: what was found and how to say it instead, never the value. */
export function refusalMessage(field: string, kinds: readonly PhiKind[]): string {
  const first = DESCRIBE[kinds[0]!];
  const others = kinds.slice(1).map((k) => DESCRIBE[k].what);
  return [
    `Refused: ${field} looks like it contains ${first.what}${others.length ? ` (and ${others.join(', ')})` : ''}. breachdesk keeps incident facts, not patient records, so nothing was changed.`,
    `Instead, ${first.instead}.`,
  ].join(' ');
}

/** Check one free-text value: the value itself in `refuse` mode (or a CommandRefusedError), its redacted copy in `redact` mode. */
export function guardText(field: string, text: string, mode: PhiGuardMode = 'refuse'): string {
  const kinds = identifierKinds(text);
  if (kinds.length === 0) return text;
  if (mode === 'redact') return redactPatientIdentifiers(text);
  throw new CommandRefusedError(refusalMessage(field, kinds));
}
