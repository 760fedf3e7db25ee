// Building and signing requests the way Slack does: v0= HMAC-SHA256 of `v0:<timestamp>:<raw body>`.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The signing secret the test app is configured with. */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'slack');

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Slack's signature headers for a raw body; the timestamp is transport time (Bolt checks it against the real clock). */
export function signatureHeaders(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** The recorded slash-command form body with our text and response_url swapped in (field order and encoding kept). */
export function slashBody(text: string, responseUrl: string, overrides: Record<string, string> = {}): string {
  const form = new URLSearchParams(fixture('slash-command.form').trim());
  form.set('text', text);
  form.set('response_url', responseUrl);
  for (const [k, v] of Object.entries(overrides)) form.set(k, v);
  return form.toString();
}

/** An interactivity body: form-encoded `payload=<json>`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A JSON fixture with `{{KEY}}` placeholders inside its strings filled in (after parsing, so any value is safe). */
export function jsonFixture<T = Record<string, any>>(name: string, values: Record<string, string> = {}): T {
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key] ?? m);
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(JSON.parse(fixture(name))) as T;
}

/** What the app answered. */
export interface SlackHttpAnswer {
  status: number;
  text: string;
  json: Record<string, any> | undefined;
}

/** POST a body to the app's /slack/events, signed unless headers are given. */
export async function postToApp(url: string, body: string, options: { contentType?: string; headers?: Record<string, string> } = {}): Promise<SlackHttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/x-www-form-urlencoded', ...(options.headers ?? signatureHeaders(body)) },
    body,
  });
  const text = await response.text();
  let json: Record<string, any> | undefined;
  try {
    json = text ? (JSON.parse(text) as Record<string, any>) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}
