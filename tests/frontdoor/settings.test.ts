// The front-door settings: SLACK_TEAM_IDS and BREACHDESK_TEAMS_TENANTS are read, and bad values stop start-up in one line each.
import { describe, expect, it } from 'vitest';
import { coreConfig, loadConfig } from '../../adapters/config.ts';
import { allowedTenants } from '../../adapters/teams/config.ts';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
const TEAMS = { MICROSOFT_APP_ID: '00000000-0000-4000-8000-0000000000b1', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
const load = (env: Record<string, string>) => loadConfig({ HOME: '/tmp/breachdesk-settings-test', ...env });

describe('front-door settings', () => {
  it('reads SLACK_TEAM_IDS (workspaces and Enterprise Grid orgs, comma-separated)', () => {
    const loaded = load({ ...SLACK, SLACK_TEAM_IDS: 'T0001, E0GRID0001' });
    expect('config' in loaded && loaded.config.slack?.teamIds).toEqual(['T0001', 'E0GRID0001']);
  });

  it('reads BREACHDESK_TEAMS_TENANTS beside MICROSOFT_APP_TENANT_ID', () => {
    const loaded = load({ ...TEAMS, BREACHDESK_TEAMS_TENANTS: '22222222-2222-4222-8222-222222222222' });
    expect('config' in loaded && [...allowedTenants(loaded.config.teams!)]).toEqual(['72f988bf-86f1-41af-91ab-2d7cd011db47', '22222222-2222-4222-8222-222222222222']);
  });

  it('names a bad workspace id and a bad tenant id', () => {
    expect(load({ ...SLACK, SLACK_TEAM_IDS: 'T0001,#general' })).toEqual({
      problems: ['SLACK_TEAM_IDS: "#general" is not a workspace id (T…) or Enterprise Grid id (E…); separate ids with commas'],
    });
    expect(load({ ...TEAMS, BREACHDESK_TEAMS_TENANTS: 'contoso.onmicrosoft.com' })).toEqual({
      problems: ['BREACHDESK_TEAMS_TENANTS: "contoso.onmicrosoft.com" is not a tenant id (a GUID); separate ids with commas.'],
    });
  });

  it('says when no default time zone is configured (new then marks UTC as assumed), and not when one is', () => {
    const unset = load({ BREACHDESK_TIMEZONE: '' });
    expect('config' in unset && coreConfig(unset.config)).toMatchObject({ defaultTimezone: 'UTC', defaultTimezoneAssumed: true });
    const chosen = load({ BREACHDESK_TIMEZONE: 'Europe/Paris' });
    expect('config' in chosen && coreConfig(chosen.config)).toMatchObject({ defaultTimezone: 'Europe/Paris' });
    expect('config' in chosen && coreConfig(chosen.config).defaultTimezoneAssumed).toBeUndefined();
  });
});
