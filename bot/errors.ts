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
  /** `message` is what the record keeps (English); `said`, when given, is the same refusal in the asker's language. */
  constructor(
    message: string,
    readonly said?: string,
  ) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}

/** An incident whose stored record is damaged: quarantined (never rewritten) and refused until someone repairs the file. */
export class IncidentDamagedError extends CommandRefusedError {
  constructor(
    readonly incidentId: string,
    readonly problem: string,
  ) {
    super(`${incidentId} cannot be used: its stored record is damaged (${problem}). It was left untouched and the rest of the store works; restore the file from a backup or repair it, then restart breachdesk.`);
    this.name = 'IncidentDamagedError';
  }
}
