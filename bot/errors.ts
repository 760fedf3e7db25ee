// Typed errors the core turns into short, friendly replies.

/** No incident with this id. */
export class IncidentNotFoundError extends Error {
  constructor(readonly incidentId: string) {
    super(`No incident ${incidentId}. Try \`list\` to see the open incidents.`);
    this.name = 'IncidentNotFoundError';
  }
}

/** Arguments that do not fit a command; the registry adds the usage line. */
export class InvalidArgumentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidArgumentsError';
  }
}

/** A request that is understood but not allowed (e.g. snooze past a deadline). */
export class CommandRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}
