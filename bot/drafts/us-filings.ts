// Field sheets for regulator filings: the HHS breach portal (sections 1-5), State regulators (what their forms ask),
// and the vendor's notice to the data owner (164.410(c), State maintainer duties).
import { dataPhrase } from './data-words.ts';
import type { DraftWriter } from './draft-text.ts';

function noticeDate(w: DraftWriter, prefix: string): string | null {
  const sent = w.incident.notices.filter((n) => n.obligation.startsWith(prefix)).map((n) => n.sentAt).sort()[0];
  return sent ?? null;
}

/** The HHS OCR breach portal, field by field (prepare the answers before opening the form: it cannot be saved). */
export function hhsFieldSheet(w: DraftWriter): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const L = (en: string, frText: string) => (fr ? frText : en);
  const sep = fr ? '\u00a0: ' : ': ';
  // A 42 CFR Part 2 breach is its own OCR form (2.16(b)), filed by the program itself, covered entity or not.
  const part2 = w.obligation.rule === 'US-42CFR2-2.16-HHS';
  const isBa = i.organization.role === 'business_associate' && !part2;
  return [
    L('HHS OCR breach portal: answers to prepare', 'Portail HHS OCR\u00a0: réponses à préparer'), '',
    ...(part2 ? [L('Form: 42 CFR Part 2 breach (filed separately from any HIPAA breach report)', 'Formulaire\u00a0: violation 42 CFR Part 2 (déclarée à part de toute déclaration de violation HIPAA)'), ''] : []),
    part2 ? L('Section 1 - Part 2 program', 'Section 1 - Programme Part 2') : L('Section 1 - Covered entity', 'Section 1 - Entité couverte'),
    `  ${L('Name', 'Nom')}${sep}${isBa ? w.missing(L('name of the covered entity', 'nom de l’entité couverte')) : i.organization.name}`,
    `  ${L('Address', 'Adresse')}${sep}${w.missing(L('street address, city, State, ZIP', 'adresse complète'))}`,
    ...(part2 ? [] : [`  ${L('Type', 'Type')}${sep}${w.missing(L('health plan, health-care provider or clearinghouse', 'régime de santé, prestataire de soins ou chambre de compensation'))}`]),
    `  ${L('Contact', 'Contact')}${sep}${w.fact(i.roles.privacyOfficer, L('contact name, phone and e-mail (set <id> privacy-officer <name>)', 'nom, téléphone et e-mail du contact'))}`,
    '', part2 ? L('Section 2 - Business associate or qualified service organization', 'Section 2 - Sous-traitant (business associate) ou qualified service organization') : L('Section 2 - Business associate', 'Section 2 - Sous-traitant (business associate)'),
    ...(i.vendor || isBa
      ? [`  ${L('Name', 'Nom')}${sep}${isBa ? i.organization.name : i.vendor!.name}`, `  ${L('Address and contact', 'Adresse et contact')}${sep}${w.missing(L('business associate address and contact', 'adresse et contact du sous-traitant'))}`]
      : [`  ${L('Not applicable: no business associate is recorded.', 'Sans objet\u00a0: aucun sous-traitant enregistré.')}`]),
    '', L('Section 3 - Breach', 'Section 3 - Violation'),
    `  ${L('Date of breach', 'Date de la violation')}${sep}${w.date(i.occurredFrom, L('start date of the breach', 'date de début'))}${i.occurredTo ? ` - ${w.date(i.occurredTo, '')}` : ''}`,
    `  ${L('Date of discovery', 'Date de découverte')}${sep}${w.date(i.discoveredAt, L('date of discovery', 'date de découverte'))}`,
    `  ${L('Approximate number of individuals affected', 'Nombre approximatif de personnes')}${sep}${w.headCount(L('number affected (an estimate is allowed)', 'nombre de personnes (une estimation est admise)'))}`,
    `  ${L('Type of breach', 'Type de violation')}${sep}${w.missing(L('hacking/IT incident, unauthorized access or disclosure, theft, loss, improper disposal, or other', 'piratage, accès non autorisé, vol, perte, destruction inadéquate, autre'))}`,
    `  ${L('Location of breached information', 'Emplacement des informations')}${sep}${w.missing(L('network server, electronic medical record, e-mail, laptop, paper...', 'serveur, dossier patient informatisé, messagerie, ordinateur portable, papier...'))}`,
    `  ${L('Type of protected health information', 'Types d’informations de santé')}${sep}${w.fact(dataPhrase(i.dataCategories, w.lang), L('types of PHI involved', 'types de données'))}`,
    `  ${L('Brief description', 'Description')}${sep}${w.missing(L('how the breach occurred, the media and the PHI involved', 'déroulement de la violation'))}`,
    `  ${L('Safeguards in place before the breach', 'Mesures de protection préalables')}${sep}${w.missing(L('firewalls, encryption, MFA, policies, training...', 'pare-feu, chiffrement, authentification forte...'))}`,
    '', L('Section 4 - Notice of breach and actions taken', 'Section 4 - Notifications et mesures prises'),
    part2
      ? `  ${L('Date individual notice provided', 'Date de notification des personnes')}${sep}${w.date(noticeDate(w, 'US-42CFR2-2.16-INDIVIDUALS'), L('date patient notice was sent (done <id> US-42CFR2-2.16-INDIVIDUALS)', 'date d’envoi'))}`
      : `  ${L('Date individual notice provided', 'Date de notification des personnes')}${sep}${w.date(noticeDate(w, 'US-HIPAA-164.404'), L('date individual notice was sent (done <id> US-HIPAA-164.404-INDIVIDUALS)', 'date d’envoi'))}`,
    `  ${L('Substitute notice required', 'Notification de substitution')}${sep}${w.missing(L('yes or no (fewer than 10 / 10 or more without current contact information)', 'oui ou non'))}`,
    `  ${L('Media notice required', 'Communiqué aux médias')}${sep}${Object.values(i.affected.byJurisdiction).some((n) => n > 500) ? L('yes (more than 500 residents of a State)', 'oui (plus de 500 résidents d’un État)') : L('no State with more than 500 residents is recorded', 'aucun État de plus de 500 résidents')}`,
    `  ${L('Actions taken in response', 'Mesures prises')}${sep}${w.missing(L('e.g. reset credentials, sanctions, new safeguards, training, mitigation', 'par ex. réinitialisation des accès, nouvelles protections, formation'))}`,
    '', L('Section 5 - Attestation', 'Section 5 - Attestation'),
    `  ${w.missing(L('name of the person attesting that the information is accurate', 'nom de la personne qui atteste'))}`,
  ];
}

/** A State regulator notice: the filing checklist, each item filled from the facts where breachdesk knows them. */
export function regulatorNotice(w: DraftWriter, checklist: readonly string[], shown: readonly string[] = checklist): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const state = w.obligation.jurisdiction;
  const residents = i.affected.byJurisdiction[state];
  // The keyword answers read a US State form's items; elsewhere (ANSSI, NIS2) an item such as "number of users affected
  // by the disruption" is not the head count of people whose data was breached, so it stays to fill in.
  const answer = (item: string, label: string): string => {
    if (!state.startsWith('US-')) return w.missing(label);
    const t = item.toLowerCase();
    if (t.includes('number of') && t.includes('notice')) return w.missing(fr ? 'nombre de résidents déjà notifiés' : 'number of residents already sent a notice');
    if (t.includes('number of')) return residents !== undefined ? w.count(residents) : w.missing(fr ? `nombre de résidents de ${state}` : `number of ${state} residents affected`);
    if (t.includes('law enforcement')) return i.lawEnforcementDelays.length ? i.lawEnforcementDelays.map((d) => `${d.agency} (${d.official})`).join(', ') : fr ? 'Aucune autorité de police n’est enregistrée comme enquêtant.' : 'No law-enforcement investigation is recorded.';
    if (t.includes('types of personal information') || t.includes('types of information')) return w.fact(dataPhrase(i.dataCategories, w.lang), fr ? 'types de données' : 'types of information');
    if (t.includes('copy')) return fr ? `joindre le courrier (draft ${i.id} ${state}-BREACH:individuals)` : `attach the letter (draft ${i.id} ${state}-BREACH:individuals)`;
    if (t.includes('contact')) return w.fact(i.roles.privacyOfficer, fr ? 'personne à contacter' : 'contact person, phone and e-mail');
    if (t.includes('time frame') || t.includes('when')) return `${w.date(i.occurredFrom, fr ? 'date de la violation' : 'date of the breach')} / ${fr ? 'découverte' : 'discovered'} ${w.date(i.discoveredAt, '')}`;
    return w.missing(label);
  };
  return [
    fr ? `Notification à\u00a0: ${w.obligation.recipient}` : `Notice to: ${w.obligation.recipient}`,
    fr ? `De\u00a0: ${i.organization.name}` : `From: ${i.organization.name}`, '',
    ...checklist.flatMap((item, k) => [`- ${shown[k] ?? item}`, `  ${answer(item, shown[k] ?? item)}`]),
  ];
}

/** The vendor's notice to the data owner or covered entity (164.410(c), State maintainer duties). */
export function ownerNotice(w: DraftWriter): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const sep = fr ? '\u00a0: ' : ': ';
  return [
    fr ? `Notification à\u00a0: ${w.obligation.recipient}` : `To: ${w.obligation.recipient}`,
    fr ? `De\u00a0: ${i.organization.name}` : `From: ${i.organization.name}`, '',
    fr ? 'Personnes concernées' : 'Individuals affected',
    `  ${fr ? 'Liste jointe' : 'List attached'}${sep}${w.missing(fr ? 'liste des personnes concernées (dans la mesure du possible)' : 'identification of each individual affected, to the extent possible (164.410(c)(1))')}`,
    `  ${fr ? 'Nombre' : 'Number'}${sep}${w.headCount(fr ? 'nombre de personnes' : 'number of individuals')}`,
    fr ? 'Ce qui s’est passé' : 'What happened',
    `  ${w.missing(fr ? 'description de l’incident' : 'description of the incident')}`,
    `  ${fr ? 'Découvert le' : 'Discovered on'} ${w.date(i.discoveredAt, '')}`,
    fr ? 'Données concernées' : 'Information involved',
    `  ${w.fact(dataPhrase(i.dataCategories, w.lang), fr ? 'types de données' : 'types of information')}`,
    fr ? 'Mesures prises' : 'What we have done',
    `  ${w.missing(fr ? 'mesures de confinement et d’enquête' : 'containment and investigation steps')}`,
    fr ? 'Contact' : 'Contact',
    `  ${w.fact(i.roles.privacyOfficer ?? i.roles.commander, fr ? 'personne à contacter' : 'contact person')}`,
    fr ? 'Nous compléterons cette notification dès que de nouvelles informations seront disponibles.' : 'We will supplement this notice promptly as more information becomes available (164.410(c)(2)).',
  ];
}
