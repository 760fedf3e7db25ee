// What must never be logged: secrets (by field name and by token shape) and patient identifiers (the guard's detection).
import { redactPatientIdentifiers } from '../bot/privacy/guard.ts';

const SECRET_KEY = /(token|secret|password|passwd|authorization|cookie|signature|signing|api[-_]?key|private[-_]?key)/i;
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, '[slack token]'],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, '[slack token]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, 'Bearer [redacted]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[jwt]'],
  [/postgres(?:ql)?:\/\/([^:@/\s]+):[^@/\s]+@/gi, 'postgres://$1:[redacted]@'],
];
const MAX_DEPTH = 6;

/** One string safe to log: tokens masked, then patient identifiers (SSN, NIR, NHS, MRN, dates of birth, e-mail, phone) as the guard finds them in free text. */
function scrubString(text: string): string {
  return redactPatientIdentifiers(SECRET_PATTERNS.reduce((s, [re, mask]) => s.replace(re, mask), text));
}

/** A copy of `value` safe to log: secret-named fields redacted, tokens and identifiers masked in every string. */
export function scrubForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value instanceof Error) return scrubForLog(value.message, depth);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.map((v) => scrubForLog(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : scrubForLog(v, depth + 1)]),
  );
}
