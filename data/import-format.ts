// Reading the import format: every problem named (unknown fields, missing fields, bad values), never a stack trace.
import { jsonErrorPlace, jsonPlaceWords } from '../bot/json-place.ts';
import type { z } from 'zod';
import { IncidentImportSchema, type IncidentFacts } from '../bot/model/incident-schema.ts';

/** Keys that `export --format json` adds; accepted on import and not carried over. */
export const EXPORT_ONLY_KEYS = ['format', 'formatVersion', 'exportedAt', 'exportedBy', 'id', 'createdAt', 'updatedAt', 'riskAssessments', 'channels', 'snoozes', 'deliveries', 'outbox', 'timeline', 'clocks', 'tasks', 'members', 'accessLog', 'chain', 'obligations', 'record', 'signature'] as const;

/** The largest import accepted, in characters of JSON (a real incident's facts are a few kilobytes). */
export const MAX_IMPORT_CHARS = 1_000_000;

/** The refusal for an import over the limit. */
export function importTooLarge(size: number, unit: 'characters' | 'bytes'): string {
  return `the import is ${size.toLocaleString('en-US')} ${unit}; the limit is ${MAX_IMPORT_CHARS.toLocaleString('en-US')} characters (an incident's facts are a few kilobytes; export-only fields such as the timeline are not imported)`;
}

/** Parsed facts, or a list of human-readable problems. */
export type ImportResult = { ok: true; facts: IncidentFacts; ignored: string[] } | { ok: false; problems: string[] };

/** Parse import JSON text. */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problems: [importTooLarge(text.length, 'characters')] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON (${jsonPlaceWords(jsonErrorPlace(error, text))})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problems: ['expected one JSON object describing the incident'] };
  const body: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  const ignored = EXPORT_ONLY_KEYS.filter((k) => k in body);
  for (const k of ignored) delete body[k];
  const result = IncidentImportSchema.safeParse(body);
  if (result.success) return { ok: true, facts: result.data, ignored: [...ignored] };
  return { ok: false, problems: result.error.issues.map((issue) => describeIssue(issue, body)) };
}

function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = at ? ` in ${at}` : '';
    return `unknown field${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.map((k) => (at ? `${at}.${k}` : k)).join(', ')}`;
  }
  const present = issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], body);
  if (issue.code === 'invalid_type' && present === undefined) return `missing required field: ${at}`;
  return `${at || '(top level)'}: ${plainMessage(issue, present)}`;
}

/** zod's own default wording ("Invalid input: expected string, received number") never reaches a user: said in words. */
function plainMessage(issue: z.core.$ZodIssue, present: unknown): string {
  if (!/^(Invalid input|Invalid option|Too small|Too big|Invalid)\b/.test(issue.message)) return issue.message;
  const got = present === null ? 'null' : Array.isArray(present) ? 'a list' : typeof present === 'string' ? `"${present.slice(0, 40)}"` : typeof present === 'object' ? 'an object' : String(present);
  switch (issue.code) {
    case 'invalid_type': return `should be ${KIND[issue.expected] ?? issue.expected}, not ${got}`;
    case 'invalid_value': return `${got} is not one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small': return issue.origin === 'number' ? `${got} is too small: the least allowed is ${String(issue.minimum)}` : `is too short or has too few entries (at least ${String(issue.minimum)})`;
    case 'too_big': return issue.origin === 'number' ? `${got} is too large: the most allowed is ${String(issue.maximum)}` : `is too long or has too many entries (at most ${String(issue.maximum)})`;
    default: return `${got} is not accepted here`;
  }
}

const KIND: Record<string, string> = { string: 'text in quotes', number: 'a number', boolean: 'true or false', array: 'a list [ … ]', object: 'an object { … }', int: 'a whole number' };
