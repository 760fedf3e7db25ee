// Which address the HTTP server listens on (HOST): only this machine unless a chat platform must reach it.

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** HOST if set; else all interfaces when Slack (HTTP mode) or authenticated Teams must be reached, else 127.0.0.1. */
export function listenHost(options: { host?: string; slackHttp: boolean; teamsAuthenticated: boolean; teamsAnonymous: boolean }): { host: string } | { problem: string } {
  const { host } = options;
  if (options.teamsAnonymous && !options.teamsAuthenticated) {
    // Anyone who reaches an unauthenticated endpoint can act as any user: it stays on this machine, whatever else runs.
    if (host && !isLoopbackHost(host)) return { problem: `HOST=${host} is not allowed with BREACHDESK_TEAMS_ANONYMOUS=1: the unauthenticated Teams endpoint listens on 127.0.0.1 only` };
    return { host: host ?? '127.0.0.1' };
  }
  if (host) return { host };
  return { host: options.slackHttp || options.teamsAuthenticated ? '0.0.0.0' : '127.0.0.1' };
}
