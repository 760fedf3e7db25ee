// Reading the import format: every problem named (unknown fields, missing fields, bad values), never a stack trace.
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
    return { ok: false, problems: [`not valid JSON (${(error as Error).message})`] };
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
  return `${at || '(top level)'}: ${issue.message}`;
}
