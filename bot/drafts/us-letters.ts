// Letters to individuals (45 CFR 164.404(c), State laws) and the media notice (164.406): every required element,
// filled from the incident's facts or left as a visible placeholder.
import { breached, dataPhrase } from './data-words.ts';
import type { DraftWriter } from './draft-text.ts';

/** The steps individuals can take, chosen by what was breached. */
function protectiveSteps(w: DraftWriter): string[] {
  const c = w.incident.dataCategories;
  const fr = w.lang === 'fr';
  const steps = [fr ? 'Vérifiez les relevés de remboursement de votre assurance santé et signalez tout soin que vous n’avez pas reçu.' : 'Review the explanation-of-benefits statements from your health insurer and report any service you did not receive.'];
  if (breached(c, 'ssn', 'tax_id', 'drivers_license', 'state_id', 'passport', 'financial_account', 'payment_card')) {
    steps.push(fr ? 'Placez une alerte à la fraude ou un gel de crédit auprès des agences Equifax, Experian et TransUnion\u202f; consultez gratuitement vos rapports de crédit sur annualcreditreport.com.' : 'Place a fraud alert or a security freeze with Equifax, Experian and TransUnion, and check your free credit reports at annualcreditreport.com.');
    steps.push(fr ? 'Signalez toute usurpation d’identité à la FTC (IdentityTheft.gov).' : 'Report any identity theft to the Federal Trade Commission at IdentityTheft.gov.');
  }
  if (breached(c, 'account_credentials', 'username_password', 'email')) steps.push(fr ? 'Changez vos mots de passe et méfiez-vous des messages vous demandant des informations personnelles.' : 'Change your passwords and be wary of messages asking for personal information.');
  return steps;
}

/** When it happened, as the letter states it. */
function whenText(w: DraftWriter): string {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const from = i.occurredFrom ? w.date(i.occurredFrom, '') : null;
  const to = i.occurredTo ? w.date(i.occurredTo, '') : null;
  const window = from ? (to ? (fr ? `entre le ${from} et le ${to}` : `between ${from} and ${to}`) : fr ? `à partir du ${from}` : `beginning on ${from}`) : w.missing(fr ? 'date de la violation (set <id> occurred-from <date>)' : 'date of the breach (set <id> occurred-from <date>)');
  const found = w.date(i.vendor?.notifiedUsAt ?? i.discoveredAt, fr ? 'date de découverte' : 'date of discovery');
  return fr ? `L’incident a eu lieu ${window}\u202f; nous l’avons découvert le ${found}.` : `The incident took place ${window}; we discovered it on ${found}.`;
}

/** The individual letter (HIPAA 164.404(c), Part 2, State laws; California headings when the notice is Californian). */
export function individualLetter(w: DraftWriter): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const org = i.organization.name;
  const data = w.fact(dataPhrase(i.dataCategories, w.lang), fr ? 'types de données concernées (set <id> data <catégories>)' : 'types of information involved (set <id> data <categories>)');
  const delayed = i.lawEnforcementDelays.length > 0;
  const h = fr
    ? { title: 'Notification de violation de données', what: 'Que s’est-il passé\u202f?', info: 'Quelles informations sont concernées\u202f?', doing: 'Ce que nous faisons', can: 'Ce que vous pouvez faire', more: 'Pour en savoir plus' }
    : { title: 'Notice of Data Breach', what: 'What Happened', info: 'What Information Was Involved', doing: 'What We Are Doing', can: 'What You Can Do', more: 'For More Information' };
  return [
    h.title, '',
    w.today(), '',
    fr ? `Madame, Monsieur ${w.missing('nom du destinataire (publipostage)')},` : `Dear ${w.missing('recipient name (mail merge)')},`, '',
    fr ? `Nous vous écrivons au sujet d’un incident qui concerne certaines de vos informations détenues par ${org}.` : `We are writing to tell you about an incident that involved some of your information held by ${org}.`, '',
    h.what,
    w.missing(fr ? 'description en langage simple de ce qui s’est passé' : 'a plain-language description of what happened'),
    whenText(w),
    ...(delayed ? [fr ? 'Cette notification a été différée à la demande des forces de l’ordre, afin de ne pas gêner leur enquête.' : 'This notice was delayed at the request of law enforcement so as not to impede its investigation.'] : []),
    '', h.info,
    fr ? `Les informations concernées comprennent\u00a0: ${data}.` : `The information involved includes: ${data}.`,
    '', h.doing,
    w.missing(fr ? 'ce que l’organisation fait pour enquêter, limiter le préjudice et éviter une nouvelle violation' : 'what the organization is doing to investigate, mitigate harm and protect against further breaches'),
    ...(breached(i.dataCategories, 'ssn', 'drivers_license', 'state_id', 'tax_id') ? [fr ? `Nous vous offrons gratuitement ${w.missing('service et durée de la surveillance de crédit')}\u202f; inscrivez-vous avec le code ${w.missing('code d’inscription')} avant le ${w.missing('date limite d’inscription')}.` : `We are offering you ${w.missing('credit monitoring service and duration')} at no cost; enrol with code ${w.missing('enrolment code')} by ${w.missing('enrolment deadline')}.`] : []),
    '', h.can,
    ...protectiveSteps(w).map((s) => `- ${s}`),
    '', h.more,
    fr
      ? `Appelez notre numéro gratuit ${w.missing('numéro gratuit')} (${w.missing('horaires')}), écrivez à ${w.missing('adresse électronique')}, consultez ${w.missing('site web')} ou écrivez à ${w.missing('adresse postale')}.`
      : `Call our toll-free number ${w.missing('toll-free number')} (${w.missing('hours')}), e-mail ${w.missing('e-mail address')}, visit ${w.missing('website')}, or write to ${w.missing('postal address')}.`,
    '', fr ? 'Veuillez agréer nos sincères salutations,' : 'Sincerely,',
    w.fact(i.roles.privacyOfficer, fr ? 'nom et fonction du signataire' : 'name and title of the signer'),
    org,
  ];
}

/** The media notice for one State (164.406): a press release with the same elements. */
export function mediaNotice(w: DraftWriter): string[] {
  const i = w.incident;
  const fr = w.lang === 'fr';
  const state = w.obligation.jurisdiction;
  const residents = i.affected.byJurisdiction[state];
  const count = residents !== undefined ? w.count(residents) : w.missing(fr ? `nombre de résidents de ${state} concernés` : `number of affected ${state} residents`);
  const data = w.fact(dataPhrase(i.dataCategories, w.lang), fr ? 'types de données concernées' : 'types of information involved');
  return [
    fr ? `COMMUNIQUÉ — ${i.organization.name} informe d’une violation de données` : `FOR IMMEDIATE RELEASE — ${i.organization.name} notifies individuals of a data security incident`, '',
    fr ? `${i.organization.name} informe ${count} personnes résidant en ${state} d’un incident touchant leurs informations.` : `${i.organization.name} is notifying ${count} residents of ${state} of an incident involving their information.`,
    w.missing(fr ? 'description en langage simple de ce qui s’est passé' : 'a plain-language description of what happened'),
    whenText(w),
    fr ? `Informations concernées\u00a0: ${data}.` : `Information involved: ${data}.`,
    fr ? `Ce que nous faisons\u00a0: ${w.missing('mesures d’enquête et de protection')}` : `What we are doing: ${w.missing('investigation, mitigation and protection measures')}`,
    fr ? `Ce que les personnes peuvent faire\u00a0: ${protectiveSteps(w).join(' ')}` : `What individuals can do: ${protectiveSteps(w).join(' ')}`,
    fr ? `Contact\u00a0: numéro gratuit ${w.missing('numéro gratuit')}, ${w.missing('site web ou adresse')}.` : `Contact: toll-free ${w.missing('toll-free number')}, ${w.missing('website or address')}.`,
  ];
}
