// Settings from the environment, validated once; every problem is reported on its own line.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { CoreConfig } from '../commands/context.ts';
import { isKnownTimeZone, OrganizationRole } from '../bot/model/incident-schema.ts';
import { parseActorList } from '../bot/access/policy.ts';
import { listenHost } from './listen-host.ts';
import { slackConfigFromEnv, type SlackConfig } from './slack/slack-config.ts';
import { teamsConfigFromEnv, type TeamsConfig } from './teams/config.ts';
import { recordSettingsFromEnv } from './record-settings.ts';
import type { ChannelTarget } from '../bot/ports.ts';

const optional = z.string().trim().min(1).optional();

const EnvSchema = z.object({
  BREACHDESK_DATA: optional,
  // Not set: incidents opened without --tz get UTC marked as assumed, so their day-counted clocks ask for the zone.
  BREACHDESK_TIMEZONE: z.string().trim().min(1).refine(isKnownTimeZone, 'is not an IANA time zone (e.g. America/Chicago)').optional(),
  BREACHDESK_ORG_NAME: optional,
  BREACHDESK_ORG_ROLE: OrganizationRole.optional(),
  BREACHDESK_ORG_COUNTRY: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code like US').optional(),
  BREACHDESK_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  BREACHDESK_DIGEST_CHANNEL: z.string().trim().regex(/^(slack|teams|terminal):.+$/, 'must be slack:<channel id> or teams:<conversation id>').optional(),
  BREACHDESK_DIGEST_TIME: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM').default('08:30'),
  BREACHDESK_ESCALATE_HOURS: z.coerce.number().min(0).max(720).default(4),
  // PostgreSQL replicas: how often a follower tries to take the scheduler lease (and the leader checks it still holds it).
  BREACHDESK_LEADER_POLL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
  BREACHDESK_ADMINS: z.string().optional().superRefine((v, c) => parseActorList(v).problems.forEach((p) => c.addIssue({ code: 'custom', message: p }))),
  BREACHDESK_OPENERS: z.string().optional().superRefine((v, c) => parseActorList(v).problems.forEach((p) => c.addIssue({ code: 'custom', message: p }))),
  BREACHDESK_PHI_GUARD: z.enum(['refuse', 'redact'], { error: 'must be refuse or redact' }).default('refuse'),
  BREACHDESK_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().regex(/^[\w.:[\]-]+$/, 'must be an address like 127.0.0.1 or 0.0.0.0').optional(),
  // Slack and Teams settings are checked in detail by their adapters (slackConfigFromEnv, teamsConfigFromEnv).
  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  SLACK_TEAM_IDS: optional,
  MICROSOFT_APP_ID: optional,
  MICROSOFT_APP_PASSWORD: optional,
  MICROSOFT_APP_TYPE: optional,
  MICROSOFT_APP_TENANT_ID: optional,
  BREACHDESK_TEAMS_ANONYMOUS: optional,
  // Checked in detail by recordSettingsFromEnv (channel form, Ed25519 key).
  BREACHDESK_ANCHOR_CHANNEL: optional,
  BREACHDESK_SIGNING_KEY: optional,
  BREACHDESK_TEAMS_TENANTS: optional,
});

/** Validated settings. */
export type AppConfig = z.infer<typeof EnvSchema> & {
  /** Slack settings when a bot token is configured. */
  slack?: SlackConfig;
  /** Teams settings when an app id (or anonymous mode, on purpose) is configured. */
  teams?: TeamsConfig;
  /** The address the HTTP server listens on (HOST, or the default for the configured platforms). */
  listenHost: string;
  /** The store path in use and whether it is the demo store. */
  dataPath: string;
  demo: boolean;
  /** BREACHDESK_ANCHOR_CHANNEL, parsed. */
  anchorChannel?: ChannelTarget;
  /** BREACHDESK_SIGNING_KEY as PEM text. */
  signingKey?: string;
};

/** Parse the environment; returns one message per problem instead of throwing. */
export function loadConfig(env: NodeJS.ProcessEnv): { config: AppConfig } | { problems: string[] } {
  const cleaned = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`) };
  const e = parsed.data;
  const slack = slackConfigFromEnv(cleaned);
  const teams = teamsConfigFromEnv(cleaned);
  const record = recordSettingsFromEnv(cleaned);
  const problems = [...slack.problems, ...(teams.ok ? [] : teams.problems), ...record.problems];
  if (problems.length) return { problems };
  const teamsConfig = teams.ok && teams.enabled ? teams.config : undefined;
  const host = listenHost({
    ...(e.HOST ? { host: e.HOST } : {}),
    slackHttp: Boolean(slack.config && !slack.config.appToken),
    teamsAuthenticated: Boolean(teamsConfig?.appId),
    teamsAnonymous: Boolean(teamsConfig?.anonymous),
  });
  if ('problem' in host) return { problems: [host.problem] };
  const { path, demo } = resolveDataPath(env, e.BREACHDESK_DATA, Boolean(slack.config || teamsConfig));
  const { problems: _none, ...recordSettings } = record;
  return { config: { ...e, ...(slack.config ? { slack: slack.config } : {}), ...(teamsConfig ? { teams: teamsConfig } : {}), listenHost: host.host, dataPath: path, demo, ...recordSettings } };
}

/** BREACHDESK_DATA if set; otherwise a per-user data folder: the demo store when no chat platform is configured. */
export function resolveDataPath(env: NodeJS.ProcessEnv, explicit: string | undefined, chatConfigured: boolean): { path: string; demo: boolean } {
  if (explicit) return { path: explicit, demo: false };
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return chatConfigured ? { path: join(base, 'breachdesk', 'store.json'), demo: false } : { path: join(base, 'breachdesk', 'demo-store.json'), demo: true };
}

/** The demo store's default organization, so `help new`'s example works there as typed. */
export const DEMO_ORGANIZATION = { name: 'Example Regional Medical Center', role: 'covered_entity', country: 'US' } as const;

/** The core's settings (default time zone and organization) from the environment. */
export function coreConfig(config: AppConfig): CoreConfig {
  const org = config.BREACHDESK_ORG_NAME
    ? { name: config.BREACHDESK_ORG_NAME, role: config.BREACHDESK_ORG_ROLE ?? 'covered_entity', country: config.BREACHDESK_ORG_COUNTRY ?? 'US' }
    : config.demo
      ? DEMO_ORGANIZATION
      : undefined;
  return {
    defaultTimezone: config.BREACHDESK_TIMEZONE ?? 'UTC',
    ...(config.BREACHDESK_TIMEZONE ? {} : { defaultTimezoneAssumed: true }),
    ...(org ? { defaultOrganization: org } : {}),
    admins: parseActorList(config.BREACHDESK_ADMINS).keys,
    openers: parseActorList(config.BREACHDESK_OPENERS).keys,
    phiGuard: config.BREACHDESK_PHI_GUARD,
    ...(config.anchorChannel ? { anchorChannel: config.anchorChannel } : {}),
    ...(config.signingKey ? { signingKey: config.signingKey } : {}),
  };
}

/** Load ./.env into process.env when present (Node's own loader; existing variables win). */
export function loadDotEnv(path = '.env'): string | undefined {
  try {
    process.loadEnvFile(path);
    return path;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
