// Teams settings from the environment: one problem line each, never silently open.
import { describe, expect, it } from 'vitest';
import { teamsConfigFromEnv, teamsMode } from '../../adapters/teams/config.ts';

const APP_ID = '00000000-0000-4000-8000-0000000000b1';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('teamsConfigFromEnv', () => {
  it('is not enabled without an app id or anonymous mode', () => {
    const result = teamsConfigFromEnv({});
    expect(result).toMatchObject({ ok: true, enabled: false });
    expect(result.ok && teamsMode(result.config)).toBe('disabled');
  });

  it('enables anonymous mode only with BREACHDESK_TEAMS_ANONYMOUS=1', () => {
    const result = teamsConfigFromEnv({ BREACHDESK_TEAMS_ANONYMOUS: '1' });
    expect(result).toMatchObject({ ok: true, enabled: true });
    expect(result.ok && teamsMode(result.config)).toBe('anonymous');
    expect(teamsConfigFromEnv({ BREACHDESK_TEAMS_ANONYMOUS: '0' })).toMatchObject({ ok: true, enabled: false });
  });

  it('reads an authenticated single-tenant config; the app id wins over anonymous mode', () => {
    const result = teamsConfigFromEnv({
      MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 's3cret', MICROSOFT_APP_TYPE: 'singletenant', MICROSOFT_APP_TENANT_ID: TENANT, BREACHDESK_TEAMS_ANONYMOUS: '1',
    });
    expect(result).toEqual({
      ok: true, enabled: true,
      config: { appId: APP_ID, appPassword: 's3cret', appType: 'SingleTenant', tenantId: TENANT, anonymous: true },
    });
    expect(result.ok && teamsMode(result.config)).toBe('authenticated');
  });

  it.each([
    [{ BREACHDESK_TEAMS_ANONYMOUS: 'yes' }, /BREACHDESK_TEAMS_ANONYMOUS="yes" must be 1/],
    [{ MICROSOFT_APP_ID: 'my-bot' }, /MICROSOFT_APP_ID must be .* GUID/],
    [{ MICROSOFT_APP_ID: APP_ID }, /MICROSOFT_APP_PASSWORD is required/],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'SingleTenant' }, /MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE=SingleTenant/],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'Other' }, /MICROSOFT_APP_TYPE="Other" is not one of/],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT }, /must not be set when MICROSOFT_APP_TYPE=UserAssignedMSI/],
    [{ MICROSOFT_APP_PASSWORD: 'x' }, /MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is not/],
  ])('%j is refused', (env, problem) => {
    const result = teamsConfigFromEnv(env);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual(expect.stringMatching(problem));
  });
});
