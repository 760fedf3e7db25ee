// Teams settings from the environment, validated into one problem line each (start-up stops on any).

/** How the bot authenticates to Microsoft Entra ID (MICROSOFT_APP_TYPE). */
export type TeamsAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

/** Bot Framework endpoints of a custom cloud; only tests and sovereign clouds set them (not read from env). */
export interface TeamsEndpoints {
  /** OpenID metadata document listing the keys that sign the channel's tokens. */
  openIdMetadataUrl: string;
  /** The `iss` the channel's tokens must carry. */
  tokenIssuer: string;
  /** OAuth scope the bot requests for its outbound calls. */
  oauthScope: string;
  /** Login authority for outbound tokens. */
  loginUrl: string;
}

/** Everything the Teams front door needs to know about its identity. */
export interface TeamsConfig {
  /** MICROSOFT_APP_ID; without it the endpoint is closed unless `anonymous`. */
  appId?: string;
  /** MICROSOFT_APP_PASSWORD (client secret). */
  appPassword?: string;
  appType: TeamsAppType;
  /** MICROSOFT_APP_TENANT_ID; also restricts inbound traffic to this tenant. */
  tenantId?: string;
  /** BREACHDESK_TEAMS_TENANTS: further Entra ID tenants whose activities are served (with MICROSOFT_APP_TENANT_ID). */
  tenants?: string[];
  /** BREACHDESK_TEAMS_ANONYMOUS=1: accept unauthenticated traffic (local testing only); ignored when an app id is set. */
  anonymous: boolean;
  endpoints?: TeamsEndpoints;
}

/** The result of reading the environment: a config, or the problems that prevent one. */
export type TeamsConfigResult = { ok: true; config: TeamsConfig; enabled: boolean } | { ok: false; problems: string[] };

const APP_TYPES: readonly TeamsAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read MICROSOFT_APP_* and BREACHDESK_TEAMS_ANONYMOUS; `enabled` is false when neither an app id nor anonymous mode is set. */
export function teamsConfigFromEnv(env: Record<string, string | undefined> = process.env): TeamsConfigResult {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const problems: string[] = [];
  const appId = value('MICROSOFT_APP_ID');
  const appPassword = value('MICROSOFT_APP_PASSWORD');
  const tenantId = value('MICROSOFT_APP_TENANT_ID');
  const rawType = value('MICROSOFT_APP_TYPE');
  const rawAnonymous = value('BREACHDESK_TEAMS_ANONYMOUS');
  const tenants = (value('BREACHDESK_TEAMS_TENANTS') ?? '').split(',').map((t) => t.trim()).filter(Boolean);

  const appType = rawType ? APP_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase()) : 'MultiTenant';
  if (!appType) problems.push(`MICROSOFT_APP_TYPE="${rawType}" is not one of ${APP_TYPES.join(', ')}.`);
  if (rawAnonymous !== undefined && rawAnonymous !== '0' && rawAnonymous !== '1') {
    problems.push(`BREACHDESK_TEAMS_ANONYMOUS="${rawAnonymous}" must be 1 (accept unauthenticated local traffic) or 0.`);
  }
  const anonymous = rawAnonymous === '1';

  if (appId) {
    if (!GUID.test(appId)) problems.push('MICROSOFT_APP_ID must be the bot\'s Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000.');
    if (tenantId && !GUID.test(tenantId)) problems.push('MICROSOFT_APP_TENANT_ID must be a GUID (your Entra ID tenant id).');
    const badTenant = tenants.find((t) => !GUID.test(t));
    if (badTenant) problems.push(`BREACHDESK_TEAMS_TENANTS: "${badTenant}" is not a tenant id (a GUID); separate ids with commas.`);
    if (appType === 'UserAssignedMSI') {
      if (appPassword) problems.push('MICROSOFT_APP_PASSWORD must not be set when MICROSOFT_APP_TYPE=UserAssignedMSI.');
      if (!tenantId) problems.push('MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE=UserAssignedMSI.');
    } else if (appType) {
      if (!appPassword) problems.push(`MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID (MICROSOFT_APP_TYPE=${appType}).`);
      if (appType === 'SingleTenant' && !tenantId) problems.push('MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE=SingleTenant.');
    }
  } else {
    for (const name of ['MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_TYPE', 'BREACHDESK_TEAMS_TENANTS']) {
      if (value(name)) problems.push(`${name} is set but MICROSOFT_APP_ID is not; set the app id too, or remove ${name}.`);
    }
  }
  if (problems.length > 0 || !appType) return { ok: false, problems };
  const config: TeamsConfig = {
    appType,
    anonymous,
    ...(appId ? { appId } : {}),
    ...(appPassword ? { appPassword } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(tenants.length ? { tenants } : {}),
  };
  return { ok: true, config, enabled: Boolean(appId) || anonymous };
}

/** The tenants whose activities are served: MICROSOFT_APP_TENANT_ID and BREACHDESK_TEAMS_TENANTS (empty = any tenant). */
export function allowedTenants(config: TeamsConfig): Set<string> {
  return new Set([...(config.tenantId ? [config.tenantId] : []), ...(config.tenants ?? [])].map((t) => t.toLowerCase()));
}

/** How the endpoint will treat traffic under this config. */
export function teamsMode(config: TeamsConfig): 'authenticated' | 'anonymous' | 'disabled' {
  if (config.appId) return 'authenticated';
  return config.anonymous ? 'anonymous' : 'disabled';
}
