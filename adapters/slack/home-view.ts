// The App Home tab: open incidents and, when the `due` command exists, the next deadlines across them.
import type { types } from '@slack/bolt';
import type { Reply } from '../../bot/reply.ts';
import { replyToBlocks } from './render-blocks.ts';
import { t } from '../../bot/i18n/index.ts';

/** action_id of the Home tab's "New incident" button. */
export const OPEN_NEW_ACTION = 'breach_open_new';

const HOME_MAX_BLOCKS = 100;

/** The Home tab for one user from the `list` reply and, optionally, the `due` reply. */
export function homeView(list: Reply, due?: Reply): types.HomeView {
  // The tab's own words follow the user's answers (the `list` reply says its language).
  const lang = list.lang ?? due?.lang ?? 'en';
  const intro: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'breachdesk', emoji: true } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: t(lang, 'surface.homeIntro') },
      accessory: { type: 'button', text: { type: 'plain_text', text: t(lang, 'surface.newIncident') }, action_id: OPEN_NEW_ACTION, style: 'primary' },
    },
    { type: 'divider' },
  ];
  const room = HOME_MAX_BLOCKS - intro.length - (due ? 1 : 0);
  const listBlocks = replyToBlocks(list, { maxBlocks: due ? Math.floor(room / 2) : room, source: 'list' }).blocks;
  // A distinct id tag keeps action ids unique across the two renderings.
  const dueBlocks = due ? [{ type: 'divider' } as const, ...replyToBlocks(due, { maxBlocks: room - listBlocks.length, source: 'due', idTag: 'due' }).blocks] : [];
  return { type: 'home', blocks: [...intro, ...listBlocks, ...dueBlocks] };
}
