// Starts the real Teams front door (botbuilder CloudAdapter over real HTTP) against a fake Bot Connector.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer } from '../../../adapters/http-server.ts';
import { startTeams, type OutboundTokenSource, type TeamsConfig, type TeamsHandle } from '../../../adapters/teams/index.ts';
import type { Incident } from '../../../bot/model/incident-schema.ts';
import { createTestBot, makeIncident, usHospitalFacts, type TestBot } from '../../helpers/test-bot.ts';
import { startFakeConnector, type FakeConnector } from './fake-connector.ts';

/** An anonymous (local-testing) config. */
export const ANONYMOUS: TeamsConfig = { appType: 'MultiTenant', anonymous: true };

/** Fixture names under tests/fixtures/teams. */
export type FixtureName = 'channel-mention-message' | 'personal-message' | 'card-submit' | 'team-install-update';

/** A fixture activity with its serviceUrl pointed at `serviceUrl`, plus overrides. */
export function fixture(name: FixtureName, serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, any> {
  const raw = JSON.parse(readFileSync(new URL(`../../fixtures/teams/${name}.json`, import.meta.url), 'utf8')) as Record<string, any>;
  return { ...raw, serviceUrl, ...overrides };
}

/** A running front door and its fakes. */
export interface Harness {
  url: string;
  connector: FakeConnector;
  test: TestBot;
  teams: TeamsHandle;
  referencesPath: string;
  /** POST a JSON activity to /api/messages. */
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** POST raw bytes with a content type. */
  postRaw(body: string, contentType: string): Promise<{ status: number; body: string }>;
  /** The fixture with serviceUrl set to the fake connector. */
  activity(name: FixtureName, overrides?: Record<string, unknown>): Record<string, any>;
  close(): Promise<void>;
}

/** Start bot + HTTP server + Teams + fake connector; BR-1 exists unless `incidents` says otherwise. */
export async function startHarness(
  options: { config?: TeamsConfig; incidents?: Incident[]; outboundToken?: OutboundTokenSource; test?: TestBot } = {},
): Promise<Harness> {
  const connector = await startFakeConnector();
  const dir = await mkdtemp(join(tmpdir(), 'breachdesk-teams-'));
  const referencesPath = join(dir, 'teams-references.json');
  const test = options.test ?? createTestBot('2025-03-01T12:00:00Z', options.incidents ?? [makeIncident('BR-1', usHospitalFacts())]);
  const http = createHttpServer();
  const teams = await startTeams({
    bot: test.bot, http, notifierHub: test.notifier, config: options.config ?? ANONYMOUS, logger: test.logger, referencesPath, seenRequests: test.store,
    ...(options.outboundToken ? { outboundToken: options.outboundToken } : {}),
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/messages`;
  const send = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, body: await res.text() };
  };
  return {
    url, connector, test, teams, referencesPath,
    post: (activity, headers = {}) => send(JSON.stringify(activity), { 'content-type': 'application/json', ...headers }),
    postRaw: (body, contentType) => send(body, { 'content-type': contentType }),
    activity: (name, overrides) => fixture(name, connector.serviceUrl, overrides),
    async close() {
      await teams.close();
      await http.close();
      await connector.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
