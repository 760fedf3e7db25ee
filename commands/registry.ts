// The declarative command registry: each command declared once; parsing, help and usage errors come from it.
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { CommandContext } from './context.ts';
import { CommandRefusedError, IncidentNotFoundError, InvalidArgumentsError } from '../bot/errors.ts';
import { refused, usage, type Reply } from '../bot/reply.ts';
import { optionAfterOpenQuote, tokenize } from './tokenize.ts';
import type { Permission } from '../bot/access/policy.ts';
import { guardText } from '../bot/privacy/guard.ts';
import { accessEvent, authorize, readableBy, recordAccess } from './access-check.ts';
import { languageFor, t, type Lang } from '../bot/i18n/index.ts';
import { IncidentIdArg } from './shared.ts';
import { askerLanguage } from './asker-language.ts';
import { saidIn } from './said-in-french.ts';
import { knownMessage } from './known-messages.ts';
import { usageFr } from '../bot/i18n/usage-fr.ts';
import { formatNumber } from '../bot/i18n/numbers.ts';

/** One option of a command (`--name value` or `--flag`). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  short?: string;
}

/** A positional argument; `rest` takes every remaining word as one string. */
export interface PositionalSpec {
  name: string;
  rest?: boolean;
  /** With `rest` as the only positional: the text exactly as typed (pasted JSON keeps its quotes). */
  raw?: boolean;
}

/** A command, declared once for every platform and for `help`. */
export interface CommandSpec<A = any> {
  /** Dotted id, e.g. `incident.new`. */
  id: string;
  /** The word users type. */
  name: string;
  aliases?: string[];
  summary: string;
  usage: string;
  examples: string[];
  positionals?: PositionalSpec[];
  options?: Record<string, OptionSpec>;
  /** Validates `{ ...positionals, ...options }`. */
  args: z.ZodType<A>;
  /** Who may run it: `public`, `open` (BREACHDESK_OPENERS), `read` / `change` (the incident's team or an admin), `admin`. Checked before the handler. */
  permission: Permission;
  /** Record a successful run in the incident's access log as a read of its details or an export. */
  audit?: 'read' | 'export';
  /** Argument names holding free text, checked by the patient data guard before the handler. */
  freeText?: readonly string[];
  handler(args: A, ctx: CommandContext): Promise<Reply>;
}

/** A request in words: chat text or pre-split CLI arguments. */
export interface CommandRequest {
  text?: string;
  argv?: string[];
}

/** Lookup and dispatch over a set of command specs. */
export interface CommandRegistry {
  readonly commands: readonly CommandSpec[];
  /** The spec for a name or alias, if any. */
  find(name: string): CommandSpec | undefined;
  /** Parse, validate and run one request; never throws. */
  dispatch(request: CommandRequest, ctx: CommandContext): Promise<Reply>;
}

/** Build a registry; throws at start-up on duplicate names or aliases. */
export function createRegistry(specs: readonly CommandSpec[]): CommandRegistry {
  const byName = new Map<string, CommandSpec>();
  for (const spec of specs) {
    for (const word of [spec.name, ...(spec.aliases ?? [])]) {
      const clash = byName.get(word);
      if (clash) throw new Error(`Command word "${word}" is declared by both ${clash.id} and ${spec.id}`);
      byName.set(word, spec);
    }
  }
  const registry: CommandRegistry = {
    commands: specs,
    find: (name) => byName.get(name.toLowerCase()),
    dispatch: (request, ctx) => dispatch(registry, request, ctx),
  };
  return registry;
}

async function dispatch(registry: CommandRegistry, request: CommandRequest, ctx: CommandContext): Promise<Reply> {
  const all = request.argv ?? commandWords(request.text ?? '');
  const wantsJson = all.includes('--json');
  const tokens = all.filter((t) => t !== '--json');
  const [word, ...rest] = tokens;
  const spec = registry.find(word ?? 'help');
  let lang = askerLanguage(ctx);
  if (!spec) return unknownCommand(registry, word ?? '', lang);
  // `--reason "vendor call --until 2025-04-01`: an open quote would make the rest options, not the text it visibly starts.
  // Pasted JSON (`verify-export {…}`, `import {…}`) is taken as typed, quotes and all: not words.
  const stray = request.argv || spec.positionals?.[0]?.raw ? undefined : optionAfterOpenQuote(request.text ?? '');
  if (stray) return usage(t(lang, 'errors.openQuote', { option: stray }), usageLine(spec, lang), exampleLine(spec, lang), lang);
  if (rest.includes('--help')) return registry.find('help')!.handler({ command: spec.name }, ctx);
  // `log BR-1 the vendor said --json is fine`: dropping the word would store a note that is not what was typed.
  if (wantsJson && jsonInsideText(spec, all)) return usage(t(lang, 'errors.jsonInText'), usageLine(spec, lang), exampleLine(spec, lang), lang);
  const rawRest = request.text?.trim().replace(/^\S+\s*/, '');
  let parsed = parseCommandArgs(spec, rest, rawRest, lang);
  if ('problem' in parsed) {
    // A usage error about one incident reads in that incident's language, like its other answers (and its refusals);
    // only a request that failed pays for the look-up.
    const incidentLang = ctx.language ? undefined : await namedIncidentLanguage(spec, rest, ctx);
    if (incidentLang && incidentLang !== lang) parsed = parseCommandArgs(spec, rest, rawRest, (lang = incidentLang));
    if ('problem' in parsed) return usage(parsed.problem, usageLine(spec, lang), exampleLine(spec, lang), lang);
  }
  const args = parsed.args as Record<string, unknown>;
  const incidentId = typeof args.id === 'string' ? args.id : undefined;
  let answered: Reply;
  let refusal: string | undefined;
  try {
    // Permission first, before any handler and on every front door; then the patient data guard over free text.
    const checked = await authorize(spec.permission, spec.name, incidentId, ctx);
    // A refusal or usage error from the handler reads in the incident's language, as its answers do.
    if (checked) lang = languageFor(checked.organization, ctx.language);
    const guarded = guardFreeText(spec, args, ctx);
    try {
      answered = await spec.handler(guarded, wantsJson ? { ...ctx, json: true } : ctx);
    } catch (error) {
      if (!(error instanceof CommandRefusedError || error instanceof InvalidArgumentsError)) throw error;
      // A request refused by its handler still answered about the incident ("BR-1 has no notice matching …; did you
      // mean" lists its notices, "… is already recorded as sent"): it is logged, before the answer leaves.
      answered = errorReply(error, spec, ctx, lang);
      refusal = error.message;
    }
    // The read is logged before the details leave: no log entry, no answer. An export that made no file was a read;
    // a change its handler refused is a refusal, with the handler's reason (in English, as every access-log reason).
    if (checked && spec.audit) await recordAccess(ctx, checked.id, accessEvent(ctx, answered.outcome === 'ok' ? spec.audit : 'read', spec.name));
    // The reason may repeat words typed where no free text is guarded (`done BR-1 <an SSN>`): the append-only log keeps
    // no patient identifier, only its redacted mark.
    else if (checked && refusal !== undefined) await recordAccess(ctx, checked.id, accessEvent(ctx, 'refused', spec.name, guardText('the reason', refusal, 'redact')));
  } catch (error) {
    return errorReply(error, spec, ctx, lang);
  }
  return wantsJson && refusal === undefined ? asJson(answered) : answered;
}

/** The words of typed command text (tokenize keeps each no-break space inside its word); the command word stands alone. */
export function commandWords(text: string): string[] {
  const words = tokenize(text);
  // The command word itself is never French prose: "log\u00a0" is `log`.
  if (words[0] !== undefined) words[0] = words[0].replace(/^[\u00a0\u202f\u2007]+|[\u00a0\u202f\u2007]+$/g, '');
  return words.filter((w, i) => i > 0 || w !== '');
}

/** The command's usage line in `lang` (French words around the command names and flags as typed). */
export function usageLine(spec: CommandSpec, lang: Lang): string {
  return (lang === 'fr' ? usageFr[spec.name]?.usage : undefined) ?? spec.usage;
}

/** The command's examples in `lang`. */
export function examplesOf(spec: CommandSpec, lang: Lang): readonly string[] {
  return (lang === 'fr' ? usageFr[spec.name]?.examples : undefined) ?? spec.examples;
}

const exampleLine = (spec: CommandSpec, lang: Lang): string | undefined => examplesOf(spec, lang)[0];

/**
 * The language of the incident the words name (the first positional `<id>`, as `authorize` reads it), when it exists;
 * undefined when none is named, it cannot be read (a damaged record is the handler's to refuse), or the asker may not read it.
 */
async function namedIncidentLanguage(spec: CommandSpec, words: readonly string[], ctx: CommandContext): Promise<Lang | undefined> {
  const at = spec.positionals?.findIndex((p) => p.name === 'id') ?? -1;
  if (at < 0) return undefined;
  const typed = words.filter((w) => !w.startsWith('-'))[at];
  const id = typed === undefined ? undefined : IncidentIdArg.safeParse(typed);
  if (!id?.success) return undefined;
  const incident = await ctx.store.get(id.data).catch(() => undefined);
  // Only for someone who may read it: to anyone else, an error's language would tell that the incident exists and where.
  return incident && readableBy(ctx)(incident) ? languageFor(incident.organization) : undefined;
}

/** True when a bare `--json` sits between words of a command whose last positional is free text (a note, a task). */
function jsonInsideText(spec: CommandSpec, words: readonly string[]): boolean {
  const last = spec.positionals?.at(-1);
  if (!last?.rest || !(spec.freeText ?? []).includes(last.name)) return false;
  return words.some((w, i) => i > 0 && w === '--json' && words[i + 1] !== undefined && !words[i + 1]!.startsWith('-'));
}

/** The arguments with every declared free-text value checked (refused, or redacted under BREACHDESK_PHI_GUARD=redact). */
function guardFreeText(spec: CommandSpec, args: Record<string, unknown>, ctx: CommandContext): Record<string, unknown> {
  const out = { ...args };
  for (const name of spec.freeText ?? []) {
    const value = out[name];
    const label = spec.options?.[name] ? `--${name}` : `the ${name === 'text' ? 'note' : name === 'rest' ? 'text' : name}`;
    if (typeof value === 'string') out[name] = guardText(label, value, ctx.config.phiGuard);
  }
  return out;
}

/** Turn words into validated arguments, or a one-line problem. */
export function parseCommandArgs(spec: CommandSpec, words: string[], rawRest?: string, lang: Lang = 'en'): { args: unknown } | { problem: string } {
  const raw = spec.positionals?.[0]?.raw ? spec.positionals[0] : undefined;
  if (raw && rawRest !== undefined && rawRest.startsWith('{')) return validate(spec, rawRest ? { [raw.name]: rawRest } : {}, lang);
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    const options = Object.fromEntries(
      Object.entries(spec.options ?? {}).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
    );
    let tokens: ReturnType<typeof parseArgs>['tokens'];
    ({ values, positionals, tokens } = parseArgs({ args: attachNegativeValues(spec, words), options, allowPositionals: true, strict: true, tokens: true }));
    // The last of two values would win silently: `--for 1d --reason "vendor call --for 30d` (a quote left open) snoozed 30 days.
    const seen = new Set<string>();
    for (const token of tokens ?? []) {
      if (token.kind !== 'option') continue;
      if (seen.has(token.name)) return { problem: t(lang, 'errors.givenTwice', { option: `--${token.name}` }) };
      seen.add(token.name);
    }
  } catch (error) {
    return { problem: cleanParseError(error, lang) };
  }
  const input: Record<string, unknown> = { ...values };
  const declared = spec.positionals ?? [];
  declared.forEach((p, i) => {
    if (p.rest) {
      const words = positionals.slice(i);
      if (words.length > 0) input[p.name] = words.join(' ');
    } else if (positionals[i] !== undefined) input[p.name] = positionals[i];
  });
  const extra = declared.some((p) => p.rest) ? [] : positionals.slice(declared.length);
  if (extra.length > 0) return { problem: t(lang, 'errors.unexpected', { count: extra.length, words: extra.join(' ') }) };
  return validate(spec, input, lang);
}

function validate(spec: CommandSpec, input: Record<string, unknown>, lang: Lang): { args: unknown } | { problem: string } {
  const result = spec.args.safeParse(input);
  if (!result.success) return { problem: plainProblem(spec, result.error.issues[0]!, input, lang) };
  return { args: result.data };
}

/** `--affected -5` reads as a value (then refused in words), not as an unknown option `-5`. */
function attachNegativeValues(spec: CommandSpec, words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const option = /^--([\w-]+)$/.exec(words[i]!)?.[1];
    const next = words[i + 1];
    if (option && spec.options?.[option]?.type === 'string' && next !== undefined && /^[-−–]\d/.test(next)) {
      out.push(`--${option}=${next}`);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/** One zod issue as a sentence a person can act on: the argument's name, what was expected, never the library's wording. */
function plainProblem(spec: CommandSpec, issue: z.core.$ZodIssue, input: Record<string, unknown>, lang: Lang): string {
  const key = String(issue.path[0] ?? '');
  const positional = spec.positionals?.some((p) => p.name === key);
  const name = key ? (positional ? `<${key}>` : `--${key}`) : 'the arguments';
  const given = input[key];
  if (given === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return issue.message.startsWith('Missing') ? knownMessage(issue.message, name, lang) : t(lang, 'errors.missing', { name });
  }
  // Messages written for people (custom checks, `error:` texts) pass as they are; zod's own wording is replaced.
  // A schema's `error: 'Missing …'` covers all its issues in zod: for a value that was typed it would be wrong.
  if (!LIBRARY_WORDING.test(issue.message) && !(given !== undefined && issue.message.startsWith('Missing'))) return knownMessage(issue.message, name, lang);
  const shown = typeof given === 'string' ? t(lang, 'errors.typed', { value: given }) : t(lang, 'errors.thatValue');
  switch (issue.code) {
    case 'invalid_value':
      return t(lang, 'errors.notOneOf', { shown, name, values: (issue.values as unknown[]).map(String).join(', ') });
    case 'too_small':
      return given === '' || (typeof given === 'string' && !given.trim()) ? t(lang, 'errors.empty', { name }) : t(lang, 'errors.tooSmall', { shown, name });
    case 'too_big':
      // The length, not the whole over-long text, names the problem ("note is 4,001 characters; the limit is 4,000").
      if (issue.origin === 'string' && typeof given === 'string') return t(lang, 'errors.tooLongText', { name, length: formatNumber(given.trim().length, lang), limit: formatNumber(Number(issue.maximum), lang) });
      return t(lang, 'errors.tooBig', { shown, name, limit: String(issue.maximum) });
    case 'invalid_type':
      return t(lang, issue.expected === 'boolean' ? 'errors.flagTakesNone' : 'errors.needsAValue', { name });
    default:
      return t(lang, 'errors.notValid', { shown, name });
  }
}

// zod's built-in messages ("Invalid input: expected number, received NaN", "Too small: expected string to have >=1 characters").
const LIBRARY_WORDING = /^(Invalid (input|option|string|value|type|union|key|element)|Too (small|big)|Unrecognized key|Required$)|expected .* received/;

function cleanParseError(error: unknown, lang: Lang): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown && /^-\d/.test(unknown[1]!)) return t(lang, 'errors.negativeNumber', { option: unknown[1]! });
  if (unknown) return t(lang, 'errors.unknownOption', { option: unknown[1]! });
  const needsValue = /Option '([^']+)' argument missing/.exec(message);
  if (needsValue) return t(lang, 'errors.needsValue', { option: needsValue[1]!.replace(/^-\w, /, '').replace(/ <value>$/, '') });
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return t(lang, 'errors.ambiguousValue', { option: ambiguous[1]!.replace(/^-\w, /, '').replace(/ <value>$/, '') });
  const takesNone = /Option '([^']+)' does not take an argument/.exec(message);
  if (takesNone) return t(lang, 'errors.isFlag', { option: takesNone[1]!.replace(/^-\w, /, '') });
  // Anything else parseArgs says is still a usage problem; its wording is not shown to people.
  return t(lang, 'errors.unreadableOptions');
}

function unknownCommand(registry: CommandRegistry, word: string, lang: Lang): Reply {
  const words = registry.commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  const guess = closest(word.toLowerCase(), words);
  const near = guess && distance(word.toLowerCase(), guess) <= Math.max(2, Math.floor(word.length / 3));
  const hint = near ? t(lang, 'errors.didYouMean', { name: registry.find(guess)!.name }) : '';
  return usage(`${t(lang, 'errors.unknownCommand', { word })}${hint}`, t(lang, 'errors.helpUsage'), undefined, lang);
}

function asJson(reply: Reply): Reply {
  const payload = reply.data ?? { outcome: reply.outcome, text: reply.text };
  return { ...reply, text: JSON.stringify(payload, null, 2), card: undefined, json: true };
}

function errorReply(error: unknown, spec: CommandSpec, ctx: CommandContext, lang: Lang): Reply {
  if (error instanceof IncidentNotFoundError) return refused(t(lang, 'errors.notFound', { id: error.incidentId }));
  if (error instanceof CommandRefusedError) return refused(error.said ?? saidIn(error.message, lang));
  if (error instanceof InvalidArgumentsError) return usage(saidIn(error.message, lang), usageLine(spec, lang), exampleLine(spec, lang), lang);
  ctx.logger.error(`command ${spec.id} failed`, { error: error instanceof Error ? error.stack : String(error) });
  return refused(t(lang, 'errors.failed', { name: spec.name }));
}
