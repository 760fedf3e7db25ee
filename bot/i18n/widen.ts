// The shape a translation must fill: the English catalogue's keys, every string widened.

/** Deep-widen literal strings to string, keeping the keys: what every other language must provide. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
