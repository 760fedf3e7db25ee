// What must never be logged: secrets (by field name and by token shape) and patient identifiers (by shape).
const SECRET_KEY = /(token|secret|password|passwd|authorization|cookie|signature|signing|api[-_]?key|private[-_]?key)/i;
const VALUE_PATTERNS: [RegExp, string][] = [
  [/\bxox[abposr]-[A-Za-z0-9-]{6,}/g, '[slack token]'],
  [/\bxapp-[A-Za-z0-9-]{6,}/g, '[slack token]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi, 'Bearer [redacted]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, '[jwt]'],
  [/postgres(?:ql)?:\/\/([^:@/\s]+):[^@/\s]+@/gi, 'postgres://$1:[redacted]@'],
  // Patient identifiers that could only come from user text: US SSN, French NIR, e-mail addresses.
  [/\b\d{3}-\d{2}-\d{4}\b/g, '[ssn]'],
  [/\b[12]\s?\d{2}\s?(0[1-9]|1[0-2]|[2-9]\d)\s?(\d{2}|2[AB])\s?\d{3}\s?\d{3}(\s?\d{2})?\b/g, '[nir]'],
  [/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, '[email]'],
];
const MAX_DEPTH = 6;

/** A copy of `value` safe to log: secret-named fields redacted, tokens and identifiers masked in every string. */
export function scrubForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return VALUE_PATTERNS.reduce((s, [re, mask]) => s.replace(re, mask), value);
  if (value instanceof Error) return scrubForLog(value.message, depth);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) return value.map((v) => scrubForLog(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : scrubForLog(v, depth + 1)]),
  );
}
