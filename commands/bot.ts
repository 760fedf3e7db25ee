// The bot every front door talks to: a ChatRequest in, a neutral Reply out.
import type { AccessConfig } from '../bot/access/policy.ts';
import type { Actor } from '../bot/model/incident-schema.ts';
import type { CommandContext, CoreConfig, RequestChannel } from './context.ts';
import type { CommandRegistry } from './registry.ts';
import type { Reply } from '../bot/reply.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import type { Clock, IncidentStore, Logger, Notifier, RequestActor } from '../bot/ports.ts';
import type { RecordHealth } from '../bot/record/record-health.ts';
import type { Lang } from '../bot/i18n/index.ts';

/** One message to the bot from any platform. */
export interface ChatRequest {
  /** What the user typed after `/breach` or the @mention. */
  text?: string;
  /** Pre-split words (the one-shot CLI). */
  argv?: string[];
  actor: RequestActor;
  platform: Actor['platform'];
  channel?: RequestChannel;
}

/** Everything the bot is built from. */
export interface BotDeps {
  store: IncidentStore;
  rules: RuleSet;
  clock: Clock;
  config: CoreConfig;
  logger: Logger;
  registry: CommandRegistry;
  notifier?: Notifier;
  readFile?: (path: string) => Promise<string>;
  /** Integrity findings since start-up. */
  records?: RecordHealth;
}

/** A command as front doors see it: enough to recognise one, nothing to run it with. */
export interface CommandInfo {
  /** Dotted id, e.g. `incident.new`. */
  id: string;
  /** The word users type. */
  name: string;
}

/** The platform-neutral bot: what front doors may use (they never reach into its store or registry). */
export interface Bot {
  /** Run one request; never throws. */
  handle(request: ChatRequest): Promise<Reply>;
  /** The bot's clock (front doors stamp what they remember with it). */
  readonly clock: Clock;
  /** The rule set the deadlines come from (the scheduler runs over the same rules). */
  readonly rules: RuleSet;
  /** The command a word or alias names, if any. */
  findCommand(word: string): CommandInfo | undefined;
  /** What a new incident gets when the form leaves it out (forms preselect it): time zone and organization. */
  readonly defaults: Pick<CoreConfig, 'defaultTimezone' | 'defaultTimezoneAssumed' | 'defaultOrganization'>;
  /** Who is an admin or may open incidents (the scheduler posts only to channels linked by the team). */
  readonly access: AccessConfig;
}

/** Build the bot over its ports. */
export function createBot(deps: BotDeps): Bot {
  return {
    clock: deps.clock,
    rules: deps.rules,
    defaults: { defaultTimezone: deps.config.defaultTimezone, ...(deps.config.defaultTimezoneAssumed ? { defaultTimezoneAssumed: true } : {}), ...(deps.config.defaultOrganization ? { defaultOrganization: deps.config.defaultOrganization } : {}) },
    access: { admins: deps.config.admins, openers: deps.config.openers },
    findCommand(word) {
      const spec = deps.registry.find(word);
      return spec ? { id: spec.id, name: spec.name } : undefined;
    },
    async handle(request) {
      // Each person's `lang` choice is kept by the store (across restarts); the terminal and the CLI are one local user.
      const who = `${request.platform === 'cli' ? 'terminal' : request.platform}:${request.actor.id}`;
      const language: Lang | undefined = (await deps.store.getPreferences(who).catch(() => ({}) as { language?: Lang })).language;
      const ctx: CommandContext = {
        store: deps.store,
        clock: deps.clock,
        rules: deps.rules,
        config: deps.config,
        logger: deps.logger,
        actor: { id: request.actor.id, name: request.actor.name, platform: request.platform },
        ...(request.channel ? { channel: request.channel } : {}),
        ...(deps.notifier ? { notifier: deps.notifier } : {}),
        ...(deps.records ? { records: deps.records } : {}),
        ...(language ? { language } : {}),
        setLanguage: (lang) => deps.store.setPreferences(who, { language: lang }),
        ...(deps.readFile && (request.platform === 'terminal' || request.platform === 'cli') ? { readFile: deps.readFile } : {}),
      };
      return deps.registry.dispatch({ ...(request.argv ? { argv: request.argv } : { text: request.text ?? '' }) }, ctx);
    },
  };
}
