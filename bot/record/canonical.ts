// Canonical serialization for hashing and signing: JSON with keys sorted at every level and no whitespace.
import { createHash } from 'node:crypto';

/** JSON text of `value` with object keys sorted (code-point order) and no whitespace; undefined members are left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    // A bare undefined (or function) has no JSON form; inside arrays JSON writes null, so do the same.
    return text === undefined ? 'null' : text;
  }
  // Plain loops, no intermediate arrays: start-up hashes every stored entry.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}

/** Lower-case hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
