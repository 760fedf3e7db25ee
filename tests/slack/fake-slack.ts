// A local stand-in for Slack's Web API and response_url endpoint: captures every call, answers like Slack.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface FakeCall {
  /** Web API method (`chat.postMessage`) or `response_url`. */
  method: string;
  headers: IncomingMessage['headers'];
  /** Form fields (Web API) or the JSON body (response_url); `blocks` stays the JSON string Slack receives. */
  body: Record<string, unknown>;
  raw: string;
  /** The request body as bytes (file uploads to the upload URL). */
  bytes: Buffer;
}

/** A scripted answer for the next call of a method. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** The running fake. */
export interface FakeSlack {
  /** Web API base to pass as SLACK_API_URL (ends with /api/). */
  readonly apiUrl: string;
  /** A response_url on the fake. */
  responseUrl(id?: string): string;
  readonly calls: FakeCall[];
  /** Calls of one method, in order. */
  callsOf(method: string): FakeCall[];
  /** Answer the next call(s) of `method` with these, then fall back to the defaults. */
  script(method: string, ...answers: FakeAnswer[]): void;
  /** While true every connection is dropped, as if Slack were unreachable. */
  down: boolean;
  /**
   * Accept the next chat.postMessage (it is in `calls`, as if posted to the channel) but hold its answer: resolves with
   * the call as soon as it arrived, so a test can act (kill the bot) between Slack accepting a post and the bot learning it.
   */
  holdNextPost(): Promise<FakeCall>;
  /** Answer chat.postMessage to this channel only after `ms` (a slow Slack); other channels are answered at once. */
  slowChannel(channel: string, ms: number): void;
  /** Resolves once `count` calls of `method` arrived (or rejects after `ms`). */
  waitFor(method: string, count?: number, ms?: number): Promise<FakeCall[]>;
  close(): Promise<void>;
}

/** The bot token the fake accepts. */
export const FAKE_BOT_TOKEN = 'xoxb-test-token';

let ts = 1740000000;

let files = 0;

/** The workspace's users as users.info describes them: the display name differs from the handle payloads carry. */
export const DIRECTORY: Record<string, { name: string; real_name: string; profile: { display_name: string } }> = {
  U0SAM00001: { name: 'sam.rivera', real_name: 'Sam Rivera', profile: { display_name: 'Sam Rivera' } },
  U0ANA00002: { name: 'ana.lopez', real_name: 'Ana Lopez', profile: { display_name: 'Ana' } },
};

/** The workspace's channels as conversations.info describes them (num_members with include_num_members). */
export const CHANNELS: Record<string, { name: string; is_private: boolean; num_members: number }> = {
  C0INC00001: { name: 'inc-ehr-breach', is_private: true, num_members: 6 },
  C0BR300001: { name: 'incident-br3', is_private: false, num_members: 120 },
  G0BR300002: { name: 'br3-response', is_private: true, num_members: 8 },
};

function defaultAnswer(method: string, body: Record<string, unknown>, base: string): unknown {
  switch (method) {
    case 'conversations.open':
      // The DM between the bot and the user: Slack answers a D… id.
      return { ok: true, channel: { id: `D${String(body.users)}` } };
    case 'files.getUploadURLExternal': {
      const id = `F${String((files += 1)).padStart(6, '0')}`;
      return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
    }
    case 'files.completeUploadExternal': {
      const listed = JSON.parse(String(body.files ?? '[]')) as Array<{ id: string; title?: string }>;
      return { ok: true, files: listed.map((f) => ({ id: f.id, title: f.title, name: f.title })) };
    }
    case 'auth.test':
      return { ok: true, url: 'https://example.slack.com/', team: 'Example Hospital', user: 'breachdesk', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' };
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts: `${(ts += 1)}.000100`, message: { text: body.text } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: `${(ts += 1)}.000200` };
    case 'views.open':
    case 'views.push':
    case 'views.publish':
      return { ok: true, view: { id: 'V0001' } };
    case 'users.info': {
      const known = DIRECTORY[String(body.user)];
      return known ? { ok: true, user: { id: body.user, ...known } } : { ok: false, error: 'user_not_found' };
    }
    case 'conversations.info': {
      const known = CHANNELS[String(body.channel)];
      const counted = body.include_num_members === 'true';
      return known ? { ok: true, channel: { id: body.channel, is_channel: true, is_im: false, is_mpim: false, name: known.name, is_private: known.is_private, ...(counted ? { num_members: known.num_members } : {}) } } : { ok: false, error: 'channel_not_found' };
    }
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

/** Start the fake on 127.0.0.1 (a free port). */
export async function startFakeSlack(token = FAKE_BOT_TOKEN): Promise<FakeSlack> {
  const calls: FakeCall[] = [];
  const scripts = new Map<string, FakeAnswer[]>();
  const waiters: Array<() => void> = [];
  const state = { down: false };
  let base = '';
  const held: Array<(call: FakeCall) => void> = [];
  const slow = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    if (state.down) return void req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const path = req.url ?? '/';
      if (path.startsWith('/response/')) {
        calls.push({ method: 'response_url', headers: req.headers, body: JSON.parse(raw || '{}') as Record<string, unknown>, raw, bytes });
        waiters.forEach((w) => w());
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      if (path.startsWith('/upload/')) {
        // Step 2 of files.uploadV2: the file's bytes go to the URL files.getUploadURLExternal returned.
        calls.push({ method: 'upload', headers: req.headers, body: { fileId: path.slice('/upload/'.length) }, raw, bytes });
        waiters.forEach((w) => w());
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
        return;
      }
      const method = path.replace(/^\/api\//, '').split('?')[0]!;
      const body = Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
      calls.push({ method, headers: req.headers, body, raw, bytes });
      waiters.forEach((w) => w());
      const expected = method === 'apps.connections.open' ? undefined : `Bearer ${token}`;
      const scripted = scripts.get(method)?.shift();
      const answer: FakeAnswer = scripted ?? {
        body: expected && req.headers.authorization !== expected ? { ok: false, error: 'invalid_auth' } : defaultAnswer(method, body, base),
      };
      const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const reply = () => void res.writeHead(answer.status ?? 200, { 'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json', ...answer.headers }).end(text);
      const hold = method === 'chat.postMessage' ? held.shift() : undefined;
      if (hold) return hold(calls.at(-1)!); // accepted, never answered
      const delay = method === 'chat.postMessage' ? slow.get(String(body.channel)) : undefined;
      if (delay === undefined) return reply();
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) reply();
      }, delay);
      timers.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responses = 0;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id ?? (responses += 1)}`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    script: (method, ...answers) => scripts.set(method, [...(scripts.get(method) ?? []), ...answers]),
    holdNextPost: () => new Promise((resolve) => held.push(resolve)),
    slowChannel: (channel, ms) => void slow.set(channel, ms),
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    waitFor(method, count = 1, ms = 3000) {
      const ready = () => calls.filter((c) => c.method === method);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (ready().length >= count) {
            clearTimeout(timer);
            resolve(ready());
            return true;
          }
          return false;
        };
        const timer = setTimeout(() => reject(new Error(`fake Slack: no ${count}× ${method} within ${ms} ms`)), ms);
        if (!check()) waiters.push(() => void check());
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
