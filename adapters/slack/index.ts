// The Slack front door: what `adapters/main.ts` wires in.
export { startSlack, SLACK_EVENTS_PATH, type SlackHandle, type SlackOptions, type SlackTuning } from './start-slack.ts';
export { slackConfigFromEnv, DEFAULT_RETRY_CONFIG, type SlackConfig } from './slack-config.ts';
export { createSlackNotifier, SlackPostError } from './notifier.ts';
export { replyToBlocks, SLACK_LIMITS, type SlackMessage } from './render-blocks.ts';
