// Record settings: the anchor channel and the Ed25519 signing key (PEM text, or the path of a PEM file).
import { readFileSync } from 'node:fs';
import { parseChannelTarget } from '../bot/scheduler/digest.ts';
import { loadSigningKey } from '../bot/record/export-signature.ts';
import type { ChannelTarget } from '../bot/ports.ts';

/** Parsed record settings, or one problem per bad setting. */
export function recordSettingsFromEnv(env: Record<string, string | undefined>): { anchorChannel?: ChannelTarget; signingKey?: string; problems: string[] } {
  const problems: string[] = [];
  const out: { anchorChannel?: ChannelTarget; signingKey?: string } = {};
  const anchor = env.BREACHDESK_ANCHOR_CHANNEL?.trim();
  if (anchor) {
    if (!/^(slack|teams):.+$/.test(anchor)) problems.push('BREACHDESK_ANCHOR_CHANNEL must be slack:<channel id> or teams:<conversation id>');
    else out.anchorChannel = parseChannelTarget(anchor);
  }
  const key = env.BREACHDESK_SIGNING_KEY?.trim();
  if (key) {
    let pem = key;
    if (!key.startsWith('-----BEGIN')) {
      try {
        pem = readFileSync(key, 'utf8');
      } catch (error) {
        problems.push(`BREACHDESK_SIGNING_KEY names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): give the PEM text or its path`);
        return { ...out, problems };
      }
    }
    try {
      loadSigningKey(pem);
      out.signingKey = pem.replace(/\\n/g, '\n');
    } catch (error) {
      problems.push(`BREACHDESK_SIGNING_KEY ${(error as Error).message}`);
    }
  }
  return { ...out, problems };
}
