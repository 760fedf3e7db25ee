// Builds the Teams app manifest from the template, the app id and the command registry (pure).

/** One entry of a bot's commandLists. */
export interface ManifestCommand {
  title: string;
  description: string;
}

/** The command registry as far as the manifest cares. */
export interface CommandSummary {
  name: string;
  summary: string;
}

/** Teams shows at most 10 commands per scope; titles ≤ 32 and descriptions ≤ 128 characters. */
export const TEAMS_COMMAND_LIMITS = { perScope: 10, title: 32, description: 128 } as const;

// The commands a responder reaches for first; the rest of the registry fills the remaining slots in help order.
const PREFERRED = ['help', 'list', 'new', 'show', 'deadlines', 'due', 'done', 'snooze', 'summary', 'link'];
// Reads a local file in the terminal; in chat it needs pasted JSON, which the compose box hint cannot convey.
const NOT_IN_TEAMS_MENU = new Set(['import']);

/** The ≤10 commands Teams suggests in the compose box, from the registry. */
export function teamsCommandList(specs: readonly CommandSummary[]): ManifestCommand[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const ordered = [...PREFERRED.flatMap((n) => byName.get(n) ?? []), ...specs.filter((s) => !PREFERRED.includes(s.name))];
  return ordered
    .filter((s) => !NOT_IN_TEAMS_MENU.has(s.name))
    .slice(0, TEAMS_COMMAND_LIMITS.perScope)
    .map((s) => ({ title: clip(s.name, TEAMS_COMMAND_LIMITS.title), description: clip(s.summary, TEAMS_COMMAND_LIMITS.description) }));
}

/** The manifest: `{{MICROSOFT_APP_ID}}` and `{{VERSION}}` filled in, every bot's commandLists set for its scopes. */
export function buildManifest(template: unknown, options: { appId: string; version: string; commands: ManifestCommand[] }): Record<string, unknown> {
  const filled = JSON.parse(JSON.stringify(template), (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('{{MICROSOFT_APP_ID}}', options.appId).replaceAll('{{VERSION}}', options.version) : value,
  ) as Record<string, unknown>;
  const bots = filled.bots;
  if (!Array.isArray(bots) || bots.length === 0) throw new Error('the manifest template has no "bots" entry');
  for (const bot of bots as { scopes?: string[]; commandLists?: unknown }[]) {
    bot.commandLists = [{ scopes: bot.scopes ?? ['personal', 'team', 'groupChat'], commands: options.commands }];
  }
  const leftover = JSON.stringify(filled).match(/\{\{[A-Z_]+\}\}/);
  if (leftover) throw new Error(`the manifest template has an unknown placeholder ${leftover[0]}`);
  return filled;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
