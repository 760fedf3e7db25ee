// The commands' own argument messages said in the asker's language (the schemas declare them in English once).
import { t, type Lang } from '../bot/i18n/index.ts';
import { labelled } from '../bot/i18n/format.ts';
import { saidIn } from './said-in-french.ts';

// Messages the commands' schemas write themselves that are said in every language (others pass as written).
const KNOWN: Record<string, string> = {
  'Missing incident id (like BR-12).': 'errors.missingId',
  'expected an incident id like BR-12': 'errors.badId',
  'Missing obligation id (see `deadlines <id>`).': 'errors.missingObligation',
  'Missing obligation (see `deadlines <id>`).': 'errors.missingObligation',
  'Missing title.': 'errors.missingTitle',
  'Missing note text.': 'errors.missingNote',
  'Missing field name.': 'errors.missingField',
  'Missing value.': 'errors.missingValue',
  'Missing user (a Slack mention, teams:<id> or slack:<id>).': 'errors.missingUser',
  'Missing file or JSON to import.': 'errors.missingImport',
  'Missing file or JSON to verify.': 'errors.missingVerify',
  'Missing --official (164.412(b) requires the official’s identity).': 'errors.missingOfficial',
  'conclusion must be low or breach': 'errors.conclusion',
  'format must be json, md or pdf': 'errors.format',
  'say `member add` or `member remove`': 'errors.memberAction',
  'Say `task done <id> <task>` or `task add <id> <text>`.': 'errors.taskAction',
  'Say `clock add …` or `clock remove <id> <clock>`.': 'errors.clockAction',
  'Answer yes or no (oui/non, true/false also work).': 'errors.yesNo',
};

/** A schema's own message in `lang` when the catalogue has it (a sentence in the language), else as a sentence. */
export function knownMessage(message: string, name: string, lang: Lang): string {
  const key = KNOWN[message];
  const option = /^Missing (--[\w-]+)\.$/.exec(message)?.[1];
  if (option) return t(lang, 'errors.missingOption', { option });
  if (!key) return saidIn(sentence(message, name), lang);
  const said = t(lang, key, { name });
  // A lower-case message is a clause that follows the argument's name ("--conclusion: …").
  return /^[a-z]/.test(said) ? sentence(said, name, lang) : said;
}

/** A message as one sentence: a lower-case clause follows the argument's name (with `lang`'s colon); a full stop ends it. */
export function sentence(message: string, name: string, lang: Lang = 'en'): string {
  const text = /^[a-z]/.test(message) ? labelled(lang, name, message) : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
