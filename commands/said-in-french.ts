// Argument problems the readers of typed values write in English (counts, yes/no, GDPR risk, instants, periods, fields)
// and the domain's refusals (a notice already sent, before discovery, in the future…), said in French for a French
// reader. Each pattern is one English sentence with the values it names.
import { t, type Lang } from '../bot/i18n/index.ts';

type Rewrite = [RegExp, (...parts: string[]) => string];

const FRENCH: readonly Rewrite[] = [
  [/^"(.*)" is negative: a count of people is a whole number of 0 or more\.$/s, (raw) => `«\u00a0${raw}\u00a0» est négatif\u00a0: un nombre de personnes est un entier positif ou nul.`],
  [/^"(.*)" looks like scientific notation: write the count in full, e\.g\. [\d,. ]+\.$/s, (raw) => `«\u00a0${raw}\u00a0» ressemble à une notation scientifique\u00a0: écrivez le nombre en entier, par ex. 262\u00a0831.`],
  [/^"(.*)" is not a whole number: people are counted in whole numbers \(thousands may be grouped as ([\d,.]+) or 262 831\)\.$/s, (raw, grouped) => `«\u00a0${raw}\u00a0» n’est pas un nombre entier\u00a0: les personnes se comptent en entiers (les milliers peuvent être groupés\u00a0: ${grouped} ou 262\u00a0831).`],
  [/^"(.*)" is not a count: give a whole number such as [\d,. ]+\.$/s, (raw) => `«\u00a0${raw}\u00a0» n’est pas un nombre\u00a0: donnez un entier, par ex. 262\u00a0831.`],
  [/^A count is missing: give a whole number such as [\d,. ]+\.$/s, () => 'Il manque un nombre\u00a0: donnez un entier, par ex. 262\u00a0831.'],
  [/^"(.*)" is not yes or no: answer yes or no \(oui\/non, true\/false also work\)\.$/s, (raw) => `«\u00a0${raw}\u00a0» n’est ni oui ni non\u00a0: répondez oui ou non (yes/no et true/false fonctionnent aussi).`],
  [/^"(.*)" is not a GDPR risk level: say unlikely, risk or high \(faible, risque or élevé in French\)\.$/s, (raw) => `«\u00a0${raw}\u00a0» n’est pas un niveau de risque RGPD\u00a0: dites faible, risque ou élevé (unlikely, risk ou high en anglais).`],
  [/^"(.*)" is not a date and time; use (.+) in the incident's time zone, or 2025-02-20T09:00-06:00 with an offset\.$/s, (raw, example) => `«\u00a0${raw}\u00a0» n’est pas une date et une heure\u00a0: écrivez ${example} dans le fuseau horaire de l’incident, ou 2025-02-20T09:00-06:00 avec son décalage.`],
  [/^"(.*)" could be read day-first or month-first; write it as 2025-02-20 09:00 \(year-month-day\)\.$/s, (raw) => `«\u00a0${raw}\u00a0» peut se lire jour d’abord ou mois d’abord\u00a0: écrivez-la 2025-02-20 09:00 (année-mois-jour) ou 20/02/2025 09:00.`],
  [/^"(.*)" does not exist in (\S+) \(a daylight-saving gap or an invalid date\)\.$/s, (raw, zone) => `«\u00a0${raw}\u00a0» n’existe pas dans le fuseau ${zone} (heure sautée au passage à l’heure d’été, ou date invalide).`],
  [/^"(.*)" happens twice in (\S+) \(clocks go back that night\); give its offset: (\S+) \(the first time\) or (\S+) \(the second\)\.$/s, (raw, zone, first, second) => `«\u00a0${raw}\u00a0» existe deux fois dans le fuseau ${zone} (retour à l’heure d’hiver cette nuit-là)\u00a0: précisez son décalage, ${first} (la première fois) ou ${second} (la seconde).`],
  [/^(.*) is in the year (\d+), before 1970; breachdesk accepts dates from 1970 on\. Check the year\.$/s, (what, year) => `${frenchSubject(what)} tombe en ${year}, avant 1970\u202f; breachdesk accepte les dates à partir de 1970. Vérifiez l’année.`],
  [/^(.*) is in the year (\d+), more than (\d+) years after today \((\d{4})-(\d{2})-(\d{2})\); check the year\.$/s, (what, year, n, y, m, d) => `${frenchSubject(what)} tombe en ${year}, plus de ${n} ans après aujourd’hui (${d}/${m}/${y})\u202f; vérifiez l’année.`],
  [/^(.*): expected a period like 7d, 48h or 2w\.?$/s, (name) => `${frenchSubject(name)}\u00a0: attendu une durée comme 7d (jours), 48h (heures) ou 2w (semaines).`],
  [/^Unknown field "(.*)"\. Fields: (.*)\.$/s, (field, fields) => `Champ inconnu «\u00a0${field}\u00a0». Champs\u00a0: ${fields}.`],
  [/^(.*): unknown IANA time zone \(try America\/Chicago or Europe\/Paris\)\.?$/s, (name) => `${frenchSubject(name)}\u00a0: fuseau horaire IANA inconnu (essayez Europe/Paris ou America/Chicago).`],
  [/^The language is en or fr\.$/, () => 'La langue est en ou fr.'],
  [/^Say en, fr or auto\.$/, () => 'Dites en, fr ou auto.'],
  [/^The note is ([\d,]+) characters; the limit is ([\d,]+)\. Split it into several notes\.$/, (length, limit) => `La note fait ${frenchCount(length)} caractères\u202f; la limite est de ${frenchCount(limit)}. Partagez-la en plusieurs notes.`],
  [/^(The value(?: ".*")?|--[\w-]+(?: ".*")?) is not one of: (.*)\.$/s, (what, values) => `${frenchSubject(what)} n’est pas possible ici\u00a0: choisissez parmi ${values}.`],
  [/^(The value(?: ".*")?|--[\w-]+(?: ".*")?) is not a whole number\.$/s, (what) => `${frenchSubject(what)} n’est pas un nombre entier.`],
  [/^(The value(?: ".*")?|--[\w-]+(?: ".*")?) is not valid here\.$/s, (what) => `${frenchSubject(what)} n’est pas valable ici.`],
  [/^(The value(?: ".*")?|--[\w-]+(?: ".*")?) is above the limit of ([\d,]+)\.$/s, (what, limit) => `${frenchSubject(what)} dépasse la limite de ${frenchCount(limit)}.`],
  [/^(The value(?: ".*")?|--[\w-]+(?: ".*")?) cannot be negative\.$/s, (what) => `${frenchSubject(what)} ne peut pas être négatif.`],
  [/^(The value(?: ".*")?|--[\w-]+(?: ".*")?) is below the minimum of ([\d,]+)\.$/s, (what, min) => `${frenchSubject(what)} est en dessous du minimum de ${frenchCount(min)}.`],
  [/^(The value|--[\w-]+) is empty\.$/, (what) => `${frenchSubject(what)} est vide.`],
  [/^Give either --for <duration> or --until <when>\.$/, () => t('fr', 'confirm.snoozeEither')],
  [/^Cannot tell who "(.*)" is: give a Slack mention \(<@U…>\), a Teams user as teams:<Entra object id>, or a key like slack:U0123ABCD\.$/s, (who) => `Impossible de savoir qui est «\u00a0${who}\u00a0»\u00a0: donnez une mention Slack (<@U…>), un utilisateur Teams sous la forme teams:<identifiant d’objet Entra>, ou une clé comme slack:U0123ABCD.`],
  [/^"(.*)" is not a duration; use 30m, 4h, 2d or 1w\.$/s, (raw) => `«\u00a0${raw}\u00a0» n’est pas une durée\u00a0: utilisez 30m, 4h, 2d ou 1w (minutes, heures, jours, semaines).`],
  [/^"(.*)" is not a duration: use hours or days, like 48h or 10d\.$/s, (raw) => `«\u00a0${raw}\u00a0» n’est pas une durée\u00a0: comptez en heures ou en jours, comme 48h ou 10d.`],
  [/^Unexpected words: (.*)$/s, (words) => `Mots en trop\u00a0: ${words}`],
  [/^(--[\w-]+|The value|The note|<[\w]+>|the \w+) is ([\d,]+) characters; the limit is ([\d,]+)\.$/s, (name, length, limit) => `${frenchSubject(name)} fait ${frenchCount(length)} caractères\u202f; la limite est de ${frenchCount(limit)}.`],
  [/^(--[\w-]+): \w+ is at most (\d+) characters\.$/, (name, limit) => `${name}\u00a0: ${limit} caractères au plus.`],
  [/^"(.*)" is not yes, no or unknown\.$/s, (raw) => `«\u00a0${raw}\u00a0» n’est ni oui, ni non, ni unknown (inconnu).`],
  [/^The value is empty\.$/, () => 'La valeur est vide.'],
  [/^The value must be one line: it holds a line break\.$/, () => 'La valeur doit tenir sur une ligne\u00a0: elle contient un saut de ligne.'],
  [/^The title must be one line: it holds a line break\.$/, () => 'Le titre doit tenir sur une ligne\u00a0: il contient un saut de ligne.'],
  [/^(\d+) data categories; the limit is (\d+)\.$/, (n, limit) => `${n} catégories de données\u202f; la limite est de ${limit}.`],
  [/^data category "(.*)…" is (\d+) characters; the limit is (\d+)\.$/s, (start, n, limit) => `La catégorie de données «\u00a0${start}…\u00a0» fait ${n} caractères\u202f; la limite est de ${limit}.`],
  [/^Say who must be told: --to "<recipient>"\.$/, () => 'Dites qui doit être prévenu\u00a0: --to "<destinataire>".'],
  [/^Give the clause or policy: --basis "<text>"\.$/, () => 'Donnez la clause ou la police d’assurance\u00a0: --basis "<texte>".'],
  [/^Name the clock to remove, e\.g\. CONTRACT-1\.$/, () => 'Nommez le délai à retirer, par ex. CONTRACT-1.'],
  [/^Removing a clock needs a reason \(--reason "…"\); it is written to the timeline\.$/, () => 'Retirer un délai demande un motif (--reason "…")\u202f; il est inscrit dans la chronologie.'],
  [/^No default organization is configured: give --org, --role and --country\.$/, () => 'Aucune organisation par défaut n’est configurée\u00a0: donnez --org, --role et --country.'],
  [/^Write the task to add\.$/, () => 'Écrivez la tâche à ajouter.'],
  [/^Name the task \(its id from `next <id>`, or the start of its title\)\.$/, () => 'Nommez la tâche (son identifiant dans `next <id>`, ou le début de son titre).'],
];

// Refusals of the domain (bot/domain/*): instants in them are rewritten as France writes them.
const REFUSALS: readonly Rewrite[] = [
  [/^(\S+) is already recorded as sent (.+)\.$/s, (id, at) => `${id} est déjà enregistrée comme envoyée le ${at}.`],
  [/^The sending time (.+?) is in the future; record it once it has happened\.$/s, (at) => `L’heure d’envoi ${at} est dans le futur\u00a0: enregistrez-la une fois l’envoi fait.`],
  [/^The sending time (.+?) is before the discovery of (\S+) \((.+?)\); a notice cannot precede discovery\. Check the date, or correct the discovery time first\.$/s, (at, id, discovered) => `L’heure d’envoi ${at} est antérieure à la découverte de ${id} (${discovered})\u00a0: une notification ne peut pas précéder la découverte. Vérifiez la date, ou corrigez d’abord l’heure de découverte.`],
  [/^(\S+) was not changed: the notice (\S+) is recorded as sent (\S+), before that discovery time; a notice cannot precede discovery\.$/s, (id, obligation, at) => `${id} n’a pas été modifié\u00a0: la notification ${obligation} est enregistrée comme envoyée le ${at}, avant cette heure de découverte\u202f; une notification ne peut pas précéder la découverte.`],
  [/^(\S+) was not changed: (.+)$/s, (id, rest) => `${id} n’a pas été modifié\u00a0: ${saidIn(rest, 'fr')}`],
  [/^This channel is not linked to (\S+)\.$/, (id) => `Ce canal n’est pas relié à ${id}.`],
  [/^(\S+) is not a member of (\S+)'s response team; `members \S+` lists them\.$/, (key, id) => `${key} n’est pas membre de l’équipe de réponse de ${id}\u202f; \`members ${id}\` la liste.`],
  [/^(\S+) opened (\S+) and stays on its response team \(the record says who reported it\)\.$/, (key, id) => `${key} a ouvert ${id} et reste dans son équipe de réponse (le dossier garde qui l’a signalé).`],
  [/^(\S+) is (\S+)'s (commander|privacy officer|legal counsel); give the role to someone else with (`[^`]+`) first\.$/, (key, id, role, command) => `${key} est ${ROLE_FR[role] ?? role} de ${id}\u00a0: confiez d’abord ce rôle à quelqu’un d’autre avec ${command.replace('<user>', '<personne>')}.`],
  [/^(\S+) was already removed on (\S+)\.$/, (clock, at) => `${clock} a déjà été retiré le ${at}.`],
  [/^"(.*)" was already marked done on (\S+) by (.+)\.$/s, (title, at, by) => `«\u00a0${title}\u00a0» a déjà été marquée faite le ${at} par ${by}.`],
  [/^The statement time (.+?) is in the future; record it once it was made\.$/s, (at) => `L’heure de la demande ${at} est dans le futur\u00a0: enregistrez-la une fois la demande faite.`],
  [/^--until must be after the statement\.$/, () => '--until doit tomber après la demande.'],
  [/^Cannot read (.+): (\S+)$/s, (source, code) => `Impossible de lire ${source}\u00a0: ${code}`],
  [/^(\S+) has no obligation "(.*)" with the current facts\. `deadlines (\S+)` lists them\.$/s, (id, name) => `${id} n’a aucune notification «\u00a0${name}\u00a0» avec les faits actuels. \`deadlines ${id}\` les liste.`],
  [/^(\S+) has no contractual clock (\S+)\.(?: Its clocks: (.*)\.)?$/s, (id, clock, known) => `${id} n’a pas d’échéance contractuelle ${clock}.${known ? ` Ses échéances\u00a0: ${known}.` : ''}`],
  // Warnings about suspicious facts (bot/domain/sanity.ts), shown after a change.
  [/^Discovery \((.+?)\) is in the future; clocks count from it, so check it\.$/s, (at) => `La découverte (${at}) est dans le futur\u202f; les délais partent d’elle\u00a0: vérifiez-la.`],
  [/^Organization country (\S+) is not a known ISO country code; no national rule will match it\.$/, (cc) => `Le pays de l’organisation, ${cc}, n’est pas un code pays ISO connu\u202f; aucune règle nationale ne s’y appliquera.`],
  [/^Affected residents: (\S+) is not a US state or territory code \(e\.g\. US-TX\); no rule will match it\.$/, (code) => `Résidents concernés\u00a0: ${code} n’est pas un code d’État ou de territoire américain (par ex. US-TX)\u202f; aucune règle ne s’y appliquera.`],
  [/^Affected residents: (\S+) does not start with a known country code; no rule will match it\.$/, (code) => `Résidents concernés\u00a0: ${code} ne commence pas par un code pays connu\u202f; aucune règle ne s’y appliquera.`],
  [/^Affected residents: (\S+) is not a known ISO country code \(e\.g\. FR, GB\); no rule will match it\.$/, (code) => `Résidents concernés\u00a0: ${code} n’est pas un code pays ISO connu (par ex. FR, GB)\u202f; aucune règle ne s’y appliquera.`],
  [/^Residents counted per jurisdiction \(([\d,]+)\) exceed the total affected \(([\d,]+)\); thresholds use both, so raise the total \(`set <id> affected <n>`\) or correct a jurisdiction\.$/s, (sum, total) => `Les résidents comptés par juridiction (${frenchCount(sum)}) dépassent le total des personnes concernées (${frenchCount(total)})\u202f; les seuils utilisent les deux\u00a0: relevez le total (\`set <id> affected <n>\`) ou corrigez une juridiction.`],
  [/^The vendor notified you \((.+?)\) before it discovered the breach \((.+?)\); check both dates\.$/s, (notified, discovered) => `Le prestataire vous a prévenu (${notified}) avant d’avoir découvert la violation (${discovered})\u202f; vérifiez les deux dates.`],
  [/^Give either --within <48h\|10d> or --by <when>\.$/, () => 'Donnez soit --within <48h|10d>, soit --by <quand>.'],
  [/^That clock would end before the breach was discovered; check --by\.$/, () => 'Cette échéance tomberait avant la découverte de la violation\u00a0: vérifiez --by.'],
];

// The roles membership names (bot/domain/membership.ts), as `show` says them in French.
const ROLE_FR: Record<string, string> = { commander: 'le responsable', 'privacy officer': 'le DPO', 'legal counsel': 'le juriste' };

const SUBJECTS: Record<string, string> = { 'The value': 'La valeur', 'The note': 'La note', 'the note': 'la note', 'the text': 'le texte' };

/** What a sentence is about, in French: "The value" → "La valeur", a typed value in « »; flags and names stay as typed. */
function frenchSubject(what: string): string {
  const m = /^(.*?) ?"(.*)"$/s.exec(what);
  if (!m) return SUBJECTS[what] ?? what;
  const quoted = `«\u00a0${m[2]}\u00a0»`;
  return m[1] ? `${SUBJECTS[m[1]] ?? m[1]} ${quoted}` : quoted;
}

/** 9,999,999 as France groups it (no-break spaces). */
const frenchCount = (n: string) => n.replace(/,/g, '\u00a0');

/** Instants as France writes them: 2025-02-20 09:00 CET → 20/02/2025 09:00 CET; 2025-02-20T09:00:00+01:00 → 20/02/2025 09:00 (+01:00). */
function frenchInstants(text: string): string {
  return text
    .replace(/\b(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g, (_all, y, m, d, hm, offset) => `${d}/${m}/${y} ${hm} (${offset === 'Z' ? 'UTC' : offset})`)
    .replace(/\b(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})\b/g, (_all, y, m, d, hm) => `${d}/${m}/${y} ${hm}`);
}

/** `message` in `lang`: French where a pattern knows the sentence, else as it is. */
export function saidIn(message: string, lang: Lang): string {
  if (lang !== 'fr') return message;
  for (const [pattern, french] of FRENCH) {
    const m = pattern.exec(message);
    if (m) return french(...m.slice(1));
  }
  for (const [pattern, french] of REFUSALS) {
    const m = pattern.exec(message);
    if (m) return frenchInstants(french(...m.slice(1)));
  }
  return message;
}
