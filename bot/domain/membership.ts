// Response-team membership and the access log, as pure decisions applied through change.ts.
import { keysMatch } from '../access/actor-key.ts';
import { responseTeam } from '../access/policy.ts';
import { CommandRefusedError } from '../errors.ts';
import type { AccessEvent, Incident } from '../model/incident-schema.ts';
import type { Decide, Decision } from './change.ts';

/** Add people (actor keys) to the response team; those already on it are left alone. */
export function decideAddMembers(keys: readonly string[], addedBy: string, now: Date): Decide {
  return (current: Incident): Decision => {
    const team = responseTeam(current);
    const onTeam = [team.opener?.key, ...team.roles.map((r) => r.key), ...team.members].filter((k): k is string => k !== undefined);
    // One person typed twice in one command (`teams:<ID>` and `teams:<id>`, `terminal:dana` and `cli:dana`) is added once.
    const fresh = keys.filter((k, i) => !onTeam.some((t) => keysMatch(t, k)) && keys.findIndex((o) => keysMatch(o, k)) === i);
    if (fresh.length === 0) return { next: current, events: [] };
    return {
      next: { ...current, members: [...current.members, ...fresh.map((key) => ({ key, addedBy, addedAt: now.toISOString() }))] },
      events: fresh.map((key) => ({ action: 'member.added', text: `Added ${key} to the response team`, changes: [{ field: 'members', from: null, to: key }] })),
    };
  };
}

/** Remove one added member; the opener and role holders stay (change the role with `set` instead). */
export function decideRemoveMember(key: string): Decide {
  return (current: Incident): Decision => {
    const team = responseTeam(current);
    const role = team.roles.find((r) => keysMatch(r.key, key));
    if (role) throw new CommandRefusedError(`${key} is ${current.id}'s ${role.role}; give the role to someone else with \`set ${current.id} ${role.role === 'privacy officer' ? 'privacy' : role.role === 'legal counsel' ? 'legal' : 'commander'} <user>\` first.`);
    const member = current.members.find((m) => keysMatch(m.key, key));
    if (!member) {
      if (team.opener && keysMatch(team.opener.key, key)) throw new CommandRefusedError(`${key} opened ${current.id} and stays on its response team (the record says who reported it).`);
      throw new CommandRefusedError(`${key} is not a member of ${current.id}'s response team; \`members ${current.id}\` lists them.`);
    }
    // Every entry naming the person goes (an older record may hold one person under two spellings of the key).
    return {
      next: { ...current, members: current.members.filter((m) => !keysMatch(m.key, key)) },
      events: [{ action: 'member.removed', text: `Removed ${member.key} from the response team`, changes: [{ field: 'members', from: member.key, to: null }] }],
    };
  };
}

/** Record one access (read, export or refusal) without changing anything else. */
export function decideAccess(event: AccessEvent): Decide {
  return (current: Incident): Decision => ({ next: current, events: [], access: [event] });
}
