// The Teams front door's public surface; everything from botbuilder stays inside this folder.
export { startTeams, type StartTeamsOptions, type TeamsHandle } from './start-teams.ts';
export { teamsConfigFromEnv, teamsMode, type TeamsConfig, type TeamsConfigResult, type TeamsEndpoints, type TeamsAppType } from './config.ts';
export type { OutboundTokenSource } from './authentication.ts';
export { replyToCard, replyToFallbackText, type AdaptiveCardJson } from './render-card.ts';
export { replyToTeamsMessage, type TeamsMessage } from './render-message.ts';
export { MESSAGES_PATH } from './messages-route.ts';
