// The full command set, assembled once.
import { channelCommands } from './channel-commands.ts';
import { coverageCommands } from './coverage-command.ts';
import { deadlineCommands } from './deadline-commands.ts';
import { guidanceCommands } from './guidance-commands.ts';
import { createHelpCommand } from './help-command.ts';
import { incidentCommands } from './incident-commands.ts';
import { memberCommands } from './member-commands.ts';
import { reminderCommands } from './reminder-commands.ts';
import { planCommands } from './plan-commands.ts';
import { createRegistry, type CommandRegistry, type CommandSpec } from './registry.ts';
import { setCommands } from './set-command.ts';
import { summaryCommands } from './summary-command.ts';
import { transferCommands } from './transfer-commands.ts';
import { recordCommands } from './record-commands.ts';
import { langCommands } from './lang-command.ts';

/** Every command breachdesk understands, in help order. */
export function allCommandSpecs(): CommandSpec[] {
  const specs: CommandSpec[] = [];
  specs.push(createHelpCommand(() => specs), ...incidentCommands, ...setCommands, ...deadlineCommands, ...summaryCommands, ...guidanceCommands, ...planCommands, ...reminderCommands, ...channelCommands, ...transferCommands, ...coverageCommands, ...memberCommands, ...langCommands, ...recordCommands);
  return specs;
}

/** The registry every front door dispatches through. */
export function createCommandRegistry(): CommandRegistry {
  return createRegistry(allCommandSpecs());
}

export type { CommandContext, CoreConfig } from './context.ts';
export type { CommandRegistry, CommandRequest } from './registry.ts';
export type { Reply } from '../bot/reply.ts';
