// The patient data guard against a corpus of free text an incident team really types: identifiers must be caught
// (false negatives) and incident facts must pass (false positives). Check digits below were computed by hand
// (NIR: key = 97 - (13-digit number mod 97); NHS: weights 10..2, check = 11 - (sum mod 11)).
import { describe, expect, it } from 'vitest';
import { findPatientIdentifiers, type PhiKind } from '../../bot/privacy/detectors.ts';
import { guardText, redactPatientIdentifiers } from '../../bot/privacy/guard.ts';

/** Text that holds a patient identifier, with the value and its kind. */
const POSITIVES: { text: string; value: string; kind: PhiKind }[] = [
  { text: 'Export contained patient 123-45-6789 in row 4', value: '123-45-6789', kind: 'ssn' },
  { text: 'SSN 078051120 was visible on the screenshot', value: '078051120', kind: 'ssn' },
  { text: 'social security number: 219 09 9999', value: '219 09 9999', kind: 'ssn' },
  // 2550814168025 mod 97 = 59, key 38.
  { text: 'Le fichier contient le NIR 2 55 08 14 168 025 38 du patient', value: '2 55 08 14 168 025 38', kind: 'nir' },
  // 1841276451089 mod 97 = 51, key 46.
  { text: 'numéro 184127645108946 sur la feuille', value: '184127645108946', kind: 'nir' },
  { text: 'NIR 1690399123456 sans clé', value: '1690399123456', kind: 'nir' },
  { text: 'NIR 2 55 08 14 168 025 39 (clé fausse)', value: '2 55 08 14 168 025 39', kind: 'nir' },
  // 9,4,3,4,7,6,5,9,1 × 10..2 = 299; 299 mod 11 = 2; check 9.
  { text: 'NHS number 9434765919 appears in the log', value: '9434765919', kind: 'nhs' },
  { text: 'the letter quoted 943 476 5919 for the patient', value: '943 476 5919', kind: 'nhs' },
  { text: 'MRN: 00482913 was in the e-mail subject', value: '00482913', kind: 'mrn' },
  { text: 'patient ID 77821-A left on the printer', value: '77821-A', kind: 'mrn' },
  { text: 'IPP 20230045 dans le ticket', value: '20230045', kind: 'mrn' },
  { text: 'medical record number #A1234567', value: 'A1234567', kind: 'mrn' },
  { text: 'DOB 03/14/1962 on the label', value: '03/14/1962', kind: 'dob' },
  { text: 'John Smith (03/14/1962) was among them', value: '03/14/1962', kind: 'dob' },
  { text: 'Jean Dupont, 14/03/1948, hospitalisé', value: '14/03/1948', kind: 'dob' },
  { text: 'patiente née le 12/05/1948', value: '12/05/1948', kind: 'dob' },
  { text: 'date of birth: March 3, 1971', value: 'March 3, 1971', kind: 'dob' },
  { text: 'complaint from jane.doe@gmail.com about the letter', value: 'jane.doe@gmail.com', kind: 'email' },
  { text: 'patient contact marie.dupont@orange.fr', value: 'marie.dupont@orange.fr', kind: 'email' },
  { text: "patient's cell 312-555-0148, call back", value: '312-555-0148', kind: 'phone' },
  { text: 'called her at 06 12 34 56 78 about the letter', value: '06 12 34 56 78', kind: 'phone' },
  { text: 'callback 415-555-0199 tomorrow', value: '415-555-0199', kind: 'phone' },
  { text: 'Mr Jones left +44 7700 900123', value: '+44 7700 900123', kind: 'phone' },
  { text: 'reach them at (617) 555-0123', value: '(617) 555-0123', kind: 'phone' },
];

/** Incident facts that must pass: ids, dates, counts, citations, agency and role contacts, chat mentions. */
const NEGATIVES: string[] = [
  'Legacy EHR vendor breach',
  'FBI field office called; case number 2025-123',
  'Reached the FBI Chicago field office at (312) 421-6700; SA Jane Doe asked for a delay',
  'HHS OCR hotline 1-800-368-1019',
  'CNIL standard : 01 53 73 22 22',
  'Vendor support line 800-555-0100 confirmed the scope',
  'discovered 2025-02-20 09:00',
  '2025-02-20T09:00:00-06:00',
  'BR-12',
  'affected.US-TX 300',
  '262831 individuals in US-IN',
  'US-HIPAA-164.404-INDIVIDUALS',
  'US-TX-BREACH:attorney_general',
  'names, MRNs, DOB, diagnoses, prescriptions',
  'privacy@examplehospital.org will answer patients',
  'security-team@vendor.example reported it',
  'sent to breach.notification@ag.state.tx.us',
  'CNIL notified via notifications@cnil.fr portal',
  'AG portal ref 123456',
  'ticket INC0012345',
  'cyber policy CY-2025-0042',
  'SA Jane Doe',
  'Dana (CISO)',
  '<@U0SAM00001>',
  'teams:6f1c2d3e-4b5a-4c7d-8e9f-a0b1c2d3e4f5',
  'letters are at the mail house',
  'Form 8-K filed 2025-03-01',
  'attacker IP 10.0.12.45 on port 3389',
  'botbuilder v4.23.3',
  'page 3 of 12, 14:30 call',
  'Delay until 2025-06-30 per written statement',
  'Mailed 1,200 letters on 03/01/2025',
  'Dana Smith, 2025-03-10, confirmed containment',
  'Case 24-117-0093 with the county sheriff',
  'names and dates of birth of 1,200 patients',
  'Example Hospital',
  'outside counsel',
];

describe('patient data guard corpus', () => {
  it('catches every identifier in the positive corpus with its kind (false negatives: 0)', () => {
    const missed = POSITIVES.filter((p) => !findPatientIdentifiers(p.text).some((f) => f.kind === p.kind && p.text.slice(f.start, f.end) === p.value));
    expect(missed.map((p) => p.text)).toEqual([]);
  });

  it('lets every incident fact in the negative corpus through (false positives: 0)', () => {
    const flagged = NEGATIVES.filter((t) => findPatientIdentifiers(t).length > 0);
    expect(flagged).toEqual([]);
  });

  it('measures the rates over the whole corpus', () => {
    const fn = POSITIVES.filter((p) => findPatientIdentifiers(p.text).length === 0).length;
    const fp = NEGATIVES.filter((t) => findPatientIdentifiers(t).length > 0).length;
    expect({ positives: POSITIVES.length, falseNegatives: fn, negatives: NEGATIVES.length, falsePositives: fp }).toEqual({
      positives: 25, falseNegatives: 0, negatives: 37, falsePositives: 0,
    });
  });

  it.each(POSITIVES)('refuses "$text" naming the kind, never echoing the value', ({ text, value }) => {
    let message = '';
    try {
      guardText('the note', text);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Refused: the note looks like it contains .+ nothing was changed\. Instead, /);
    expect(message).not.toContain(value);
    expect(message).not.toContain(value.replace(/\D/g, '').slice(-4) || value);
  });

  it('in redact mode keeps the text and replaces only the identifier', () => {
    expect(guardText('the note', 'Export had patient 123-45-6789 in row 4', 'redact')).toBe('Export had patient [redacted SSN] in row 4');
    expect(redactPatientIdentifiers('MRN: 00482913 and jane.doe@gmail.com')).toBe('MRN: [redacted patient number] and [redacted email]');
    expect(guardText('the note', 'FBI field office called; case number 2025-123', 'redact')).toBe('FBI field office called; case number 2025-123');
  });
});
