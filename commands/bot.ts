// The bot every front door talks to: a ChatRequest in, a neutral Reply out.
import type { Actor } from '../bot/model/incident-schema.ts';
import type { CommandContext, CoreConfig, RequestChannel } from './context.ts';
import type { CommandRegistry } from './registry.ts';
import type { Reply } from '../bot/reply.ts';
import type { RuleSet } from '../bot/deadlines/rule-schema.ts';
import type { Clock, IncidentStore, Logger, Notifier, RequestActor } from '../bot/ports.ts';
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
  /** The process's maintained deadline index (CommandContext.deadlines). */
  deadlines?: () => Promise<import('../bot/deadlines/deadline-index.ts').DeadlineIndex>;
  /** Each person's `lang` choice, by `<platform>:<user id>`; kept for the process's life (not in the store). */
  languages?: Map<string, Lang>;
}

/** The platform-neutral bot. */
export interface Bot {
  readonly deps: BotDeps;
  /** Run one request; never throws. */
  handle(request: ChatRequest): Promise<Reply>;
}

/** Build the bot over its ports. */
export function createBot(deps: BotDeps): Bot {
  const languages = deps.languages ?? new Map<string, Lang>();
  return {
    deps,
    handle(request) {
      const who = `${request.platform}:${request.actor.id}`;
      const language = languages.get(who);
      const ctx: CommandContext = {
        store: deps.store,
        clock: deps.clock,
        rules: deps.rules,
        config: deps.config,
        logger: deps.logger,
        actor: { id: request.actor.id, name: request.actor.name, platform: request.platform },
        ...(request.channel ? { channel: request.channel } : {}),
        ...(deps.notifier ? { notifier: deps.notifier } : {}),
        ...(deps.deadlines ? { deadlines: deps.deadlines } : {}),
        ...(language ? { language } : {}),
        setLanguage: (lang) => (lang ? languages.set(who, lang) : languages.delete(who)),
        ...(deps.readFile && (request.platform === 'terminal' || request.platform === 'cli') ? { readFile: deps.readFile } : {}),
      };
      return deps.registry.dispatch({ ...(request.argv ? { argv: request.argv } : { text: request.text ?? '' }) }, ctx);
    },
  };
}
