// Where a Teams activity may come from: an allowed Entra ID tenant (with an app id), or this machine (anonymous mode).
import { isLoopbackHost } from '../listen-host.ts';
import { allowedTenants, teamsMode, type TeamsConfig } from './config.ts';

/** The tenant an activity names (Teams puts it in channelData and, in newer payloads, on the conversation). */
export function tenantOf(activity: { channelData?: unknown; conversation?: { tenantId?: unknown } }): string | undefined {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' && id.trim() ? id.trim() : undefined;
}

/** A check of an activity's origin for a config: undefined when it may be served, else the reason it is refused. */
export function createOriginCheck(config: TeamsConfig): (activity: { channelId?: unknown; serviceUrl?: unknown; channelData?: unknown; conversation?: { tenantId?: unknown } }, request?: { host?: string }) => string | undefined {
  const mode = teamsMode(config);
  const tenants = allowedTenants(config);
  return (activity, request) => {
    if (mode === 'anonymous') {
      // A web page the developer opens can reach 127.0.0.1 through a name that resolves there (DNS rebinding): its
      // requests name that host, never this machine's, so an unauthenticated request must be addressed to a local name.
      const host = request?.host ? safeUrl(`http://${request.host}`) : undefined;
      if (!host || !isLoopbackHost(host.hostname)) return 'in anonymous mode only requests addressed to this machine (Host 127.0.0.1 or localhost) are accepted';
      // Unauthenticated replies would go to whatever serviceUrl the caller names: only this machine's.
      const url = typeof activity.serviceUrl === 'string' ? safeUrl(activity.serviceUrl) : undefined;
      return url && isLoopbackHost(url.hostname) ? undefined : 'in anonymous mode only a serviceUrl on this machine (127.0.0.1) is accepted';
    }
    // Only Teams vouches for who sent an activity: on the bot's other channels (Web Chat, Direct Line) the client picks
    // its own `from` (an admin's object id included) and `channelData.tenant`, so those activities are not served.
    if (activity.channelId !== 'msteams') return `only Microsoft Teams activities are accepted (this one came through "${String(activity.channelId).slice(0, 40)}")`;
    const tenant = tenantOf(activity);
    if (!tenant) return 'the activity names no tenant';
    if (tenants.size > 0 && !tenants.has(tenant.toLowerCase())) return 'the activity comes from a tenant that is not allowed';
    return undefined;
  };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
