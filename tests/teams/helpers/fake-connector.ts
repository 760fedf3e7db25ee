// A local stand-in for the Bot Connector service: records every activity the bot sends and answers {"id": "..."}.
import { createServer, type Server } from 'node:http';

/** One activity the bot posted. */
export interface CapturedActivity {
  conversationId: string;
  /** Set when the bot replied to a message (POST …/activities/{replyToId}). */
  replyToId?: string;
  authorization?: string;
  body: Record<string, any>;
}

/** One file PUT to an upload URL the fake handed out (OneDrive's role after a file consent). */
export interface CapturedUpload {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** The running fake. */
export interface FakeConnector {
  /** serviceUrl to put in test activities (with trailing slash, as Teams sends it). */
  readonly serviceUrl: string;
  readonly captured: CapturedActivity[];
  /** Files uploaded to `${serviceUrl}upload/…`. */
  readonly uploads: CapturedUpload[];
  /** Bodies of create-conversation calls (POST /v3/conversations): the 1:1 chats the bot opened. */
  readonly created: Record<string, any>[];
  /** People the member lookup (GET /v3/conversations/{id}/members/{userId}) knows, by channel account id (`29:…`). */
  readonly directory: Map<string, { id: string; name: string; aadObjectId?: string }>;
  /** Member lookups the bot made: conversation (or team) id and user id. */
  readonly lookups: { conversationId: string; userId: string }[];
  /** Answer create-conversation calls with this HTTP status instead of 200 (undefined: accept). */
  failCreateWith(status: number | undefined): void;
  /** Answer the next posts with this HTTP status instead of 200 (undefined: accept). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;
const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** Start the fake on 127.0.0.1 at a free port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const captured: CapturedActivity[] = [];
  const uploads: CapturedUpload[] = [];
  const created: Record<string, any>[] = [];
  const directory = new Map<string, { id: string; name: string; aadObjectId?: string }>();
  const lookups: { conversationId: string; userId: string }[] = [];
  let failure: number | undefined;
  let createFailure: number | undefined;
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT' && req.url?.startsWith('/upload/')) {
        uploads.push({ path: req.url, headers: req.headers, bytes: Buffer.concat(chunks) });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'drive-item-1', name: req.url.slice('/upload/'.length) }));
        return;
      }
      if (req.method === 'POST' && req.url === '/v3/conversations') {
        if (createFailure !== undefined) {
          res.writeHead(createFailure, { 'content-type': 'application/json' }).end('{"error":{"code":"Forbidden","message":"app not installed for the user"}}');
          return;
        }
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>;
        created.push(body);
        // Teams answers with the one 1:1 conversation between the bot and that user.
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `a:personal-${body.members?.[0]?.id ?? 'unknown'}` }));
        return;
      }
      const member = MEMBER.exec(req.url ?? '');
      if (req.method === 'GET' && member) {
        const userId = decodeURIComponent(member[2]!);
        lookups.push({ conversationId: decodeURIComponent(member[1]!), userId });
        const found = directory.get(userId);
        // Teams answers a TeamsChannelAccount, or 404 MemberNotFoundInConversation for someone not in it.
        if (found) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...found, userPrincipalName: `${found.name.split(' ')[0]!.toLowerCase()}@example.org` }));
        else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"MemberNotFoundInConversation","message":"Member not found"}}');
        return;
      }
      const match = ROUTE.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
        return;
      }
      if (failure !== undefined) {
        res.writeHead(failure, { 'content-type': 'application/json' }).end('{"error":{"code":"Forbidden","message":"bot not in conversation"}}');
        return;
      }
      captured.push({
        conversationId: decodeURIComponent(match[1]!),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${++next}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    captured,
    uploads,
    created,
    directory,
    lookups,
    failCreateWith: (status) => {
      createFailure = status;
    },
    failWith: (status) => {
      failure = status;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
