// Errors a store raises when it cannot be opened or written; each names the file and the problem.

/** The store file (or one of its incident files) cannot be used; it was left untouched. */
export class StoreCorruptError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}. The file was left untouched; fix or move it, or point BREACHDESK_DATA / --data at another store.`);
    this.name = 'StoreCorruptError';
  }
}

/** Another live process holds the store. */
export class StoreLockedError extends Error {
  constructor(readonly file: string, readonly holder: string) {
    super(`${file} is in use by ${holder}. Only one breachdesk process may open a store; stop it or use another --data file.`);
    this.name = 'StoreLockedError';
  }
}
