// European notices: the CNIL (GDPR Art. 33(3), initial or complementary, reasons for delay), the letter to data
// subjects (Art. 34), and the ARS / CERT Santé declaration (CSP L.1111-8-2).
import { dataPhrase } from './data-words.ts';
import type { DraftWriter } from './draft-text.ts';

const HOUR_MS = 3_600_000;

/** The notification to the supervisory authority, by Art. 33(3) item; late ones give the reasons (Art. 33(1)). */
export function authorityNotification(w: DraftWriter, now: Date): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const L = (en: string, frText: string) => (fr ? frText : en);
  const sep = fr ? '\u00a0: ' : ': ';
  const late = w.obligation.dueAt !== null && now.getTime() > Date.parse(w.obligation.dueAt);
  const sent = i.notices.some((n) => n.obligation === w.obligation.obligation);
  const hours = Math.round((now.getTime() - Date.parse(w.obligation.trigger?.at ?? i.discoveredAt)) / HOUR_MS);
  return [
    L(`Personal data breach notification to ${w.obligation.recipient}`, `Notification de violation de données personnelles · destinataire\u00a0: ${w.obligation.recipient}`),
    sent ? L('Stage: complementary notification (Art. 33(4))', 'Étape\u00a0: notification complémentaire (art. 33(4))') : L('Stage: initial notification; further details may follow in a complementary notification (Art. 33(4))', 'Étape\u00a0: notification initiale\u202f; les compléments suivront dans une notification complémentaire (art. 33(4))'),
    `${L('Controller', 'Responsable du traitement')}${sep}${i.organization.name}`,
    // The moment (with its hour) the 72 hours count from: the earliest of our awareness and the processor's notice.
    `${L('Became aware on', 'Prise de connaissance le')}${sep}${w.dateTime(w.obligation.trigger?.at ?? i.discoveredAt, L('date and time of awareness', 'date et heure de la prise de connaissance'))}`,
    `${L('Breach period', 'Période de la violation')}${sep}${w.date(i.occurredFrom, L('start of the breach', 'début de la violation'))}${i.occurredTo ? ` - ${w.date(i.occurredTo, '')}` : ''}`,
    '', L('1. Nature of the breach (Art. 33(3)(a))', '1. Nature de la violation (art. 33(3)(a))'),
    `  ${w.missing(L('what happened: loss of confidentiality, integrity and/or availability, and how', 'ce qui s’est passé\u00a0: perte de confidentialité, d’intégrité et/ou de disponibilité, et comment'))}`,
    `  ${L('Categories of data subjects', 'Catégories de personnes concernées')}${sep}${w.missing(L('e.g. patients, staff', 'par ex. patients, personnel'))}`,
    `  ${L('Approximate number of data subjects', 'Nombre approximatif de personnes')}${sep}${w.headCount(L('approximate number of people', 'nombre approximatif de personnes'))}`,
    `  ${L('Categories of personal data', 'Catégories de données')}${sep}${w.fact(dataPhrase(i.dataCategories, w.lang), L('categories of data', 'catégories de données'))}`,
    `  ${L('Approximate number of records', 'Nombre approximatif d’enregistrements')}${sep}${w.missing(L('approximate number of records', 'nombre approximatif d’enregistrements'))}`,
    '', L('2. Contact point (Art. 33(3)(b))', '2. Point de contact (art. 33(3)(b))'),
    `  ${w.missing(L('name and contact details of the DPO or other contact point', 'nom et coordonnées du DPO ou d’un autre point de contact'))}`,
    '', L('3. Likely consequences (Art. 33(3)(c))', '3. Conséquences probables (art. 33(3)(c))'),
    `  ${i.gdprRisk === 'high' ? L('Assessed as a high risk to the persons concerned: ', 'Risque évalué comme élevé pour les personnes\u00a0: ') : ''}${w.missing(L('likely consequences for the persons concerned', 'conséquences probables pour les personnes'))}`,
    '', L('4. Measures taken or proposed (Art. 33(3)(d))', '4. Mesures prises ou envisagées (art. 33(3)(d))'),
    `  ${w.missing(L('measures to address the breach and mitigate its effects', 'mesures pour remédier à la violation et en atténuer les effets'))}`,
    `  ${L('Persons informed (Art. 34)', 'Information des personnes (art. 34)')}${sep}${i.gdprRisk === 'high' ? L('yes, high risk: see the letter to data subjects', 'oui, risque élevé\u00a0: voir le courrier aux personnes') : w.missing(L('whether the persons are or will be informed, and why', 'information des personnes prévue ou non, et pourquoi'))}`,
    ...(late
      ? ['', L(`Reasons for the delay (Art. 33(1)): notified about ${hours} hours after becoming aware`, `Motifs du retard (art. 33(1))\u00a0: notification environ ${hours} heures après la prise de connaissance`), `  ${w.missing(L('reasons for notifying after 72 hours', 'motifs de la notification au-delà de 72 heures'))}`]
      : []),
  ];
}

/** The letter to the data subjects (Art. 34(2)): clear and plain language, three required elements. */
export function dataSubjectLetter(w: DraftWriter): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const data = w.fact(dataPhrase(i.dataCategories, w.lang), fr ? 'données concernées' : 'data involved');
  return fr
    ? [
        'Objet\u00a0: information sur une violation de vos données personnelles', '', w.today(), '',
        `Madame, Monsieur ${w.missing('nom du patient (publipostage)')},`, '',
        `${i.organization.name} a constaté le ${w.date(i.discoveredAt, 'date de constat')} un incident de sécurité qui concerne vos données\u00a0: ${data}.`,
        w.missing('description simple de ce qui s’est passé'), '',
        'Conséquences possibles pour vous\u00a0:', `  ${w.missing('conséquences probables (par ex. risque d’hameçonnage ou d’usurpation d’identité)')}`, '',
        'Ce que nous avons fait\u00a0:', `  ${w.missing('mesures prises pour remédier à la violation et en limiter les effets')}`, '',
        'Ce que vous pouvez faire\u00a0:', '  Méfiez-vous des appels, courriels ou SMS se réclamant de l’établissement et demandant des informations personnelles\u202f; ne communiquez jamais vos codes.', '',
        `Pour toute question, contactez notre délégué à la protection des données\u00a0: ${w.missing('coordonnées du DPO')}.`,
        'Vous pouvez également adresser une réclamation à la CNIL (www.cnil.fr).', '',
        'Nous vous prions d’agréer l’expression de nos salutations distinguées.',
        w.fact(i.roles.commander, 'nom et fonction du signataire'), i.organization.name,
      ]
    : [
        'Subject: a breach involving your personal data', '', w.today(), '',
        `Dear ${w.missing('patient name (mail merge)')},`, '',
        `On ${w.date(i.discoveredAt, 'date found')}, ${i.organization.name} found a security incident involving your data: ${data}.`,
        w.missing('a plain description of what happened'), '',
        'What this may mean for you:', `  ${w.missing('likely consequences (e.g. phishing or identity theft risk)')}`, '',
        'What we have done:', `  ${w.missing('measures taken to address the breach and limit its effects')}`, '',
        'What you can do:', '  Be wary of calls, e-mails or texts claiming to be from us and asking for personal information; never share your codes.', '',
        `For any question, contact our data protection officer: ${w.missing('DPO contact details')}.`, '',
        'Yours sincerely,', w.fact(i.roles.commander, 'name and title of the signer'), i.organization.name,
      ];
}

/** The declaration of a serious information-system security incident to the ARS / CERT Santé. */
export function healthAgencyDeclaration(w: DraftWriter): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const L = (en: string, frText: string) => (fr ? frText : en);
  const sep = fr ? '\u00a0: ' : ': ';
  return [
    L('Declaration of a serious information-system security incident (CSP L.1111-8-2)', 'Déclaration d’incident grave de sécurité des systèmes d’information (CSP art. L.1111-8-2)'),
    L('Portal: https://signalement.social-sante.gouv.fr ("Vous êtes un professionnel de santé" > "Incident de sécurité des systèmes d’information")', 'Portail\u00a0: https://signalement.social-sante.gouv.fr («\u00a0Vous êtes un professionnel de santé\u00a0» > «\u00a0Incident de sécurité des systèmes d’information\u00a0»)'), '',
    `${L('Establishment', 'Établissement')}${sep}${i.organization.name} (${w.missing(L('FINESS number', 'numéro FINESS'))})`,
    `${L('Declarant', 'Déclarant')}${sep}${w.fact(i.roles.commander, L('director or designated person, phone and e-mail', 'directeur ou personne désignée, téléphone et courriel'))}`,
    `${L('Start of the incident', 'Début de l’incident')}${sep}${w.date(i.occurredFrom, L('start date', 'date de début'))}`,
    // The declaration asks for the date and the hour of detection (arrêté du 30 octobre 2017).
    `${L('Detected on', 'Détecté le')}${sep}${w.dateTime(i.discoveredAt, L('date and time of detection', 'date et heure de détection'))}`,
    `${L('Description and how it was detected', 'Description et mode de détection')}${sep}${w.missing(L('what happened and how it was detected', 'ce qui s’est passé et comment cela a été détecté'))}`,
    `${L('Consequences for the safety of care', 'Conséquences sur la sécurité des soins')}${sep}${w.missing(L('actual or potential effects on patient care', 'effets avérés ou potentiels sur la prise en charge'))}`,
    `${L('Health data affected (confidentiality, integrity, availability)', 'Données de santé touchées (confidentialité, intégrité, disponibilité)')}${sep}${w.fact(dataPhrase(i.dataCategories, w.lang), L('data affected', 'données touchées'))}${i.affected.total > 0 ? ` — ${w.headCount('')} ${L('persons', 'personnes')}` : ''}`,
    `${L('Consequences for the operation of the establishment', 'Conséquences sur le fonctionnement de l’établissement')}${sep}${w.missing(L('services degraded or stopped', 'services dégradés ou arrêtés'))}`,
    `${L('Measures taken and planned', 'Mesures prises et envisagées')}${sep}${w.missing(L('containment, recovery, complaint filed', 'confinement, restauration, dépôt de plainte'))}`,
    `${L('Help requested from the CERT Santé', 'Aide demandée au CERT Santé')}${sep}${w.missing(L('yes or no', 'oui ou non'))}`,
    '', L('This declaration does not replace the GDPR notification to the CNIL.', 'Cette déclaration ne remplace pas la notification RGPD à la CNIL.'),
  ];
}
