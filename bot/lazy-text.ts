// A text made when first read, then kept: the parts of an answer only some front doors show (Teams expands each
// notice's details in its card; Slack opens them from a menu with a command of their own, so it never reads them).
// An ordinary enumerable property to every reader (spread, JSON, equality), only computed on demand.

/** `target` with `key` defined as the text `make` gives, made on its first read. */
export function withLazyText<T extends object, K extends keyof T & string>(target: T, key: K, make: () => T[K]): T {
  let made: { value: T[K] } | undefined;
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: () => (made ??= { value: make() }).value });
  return target;
}
