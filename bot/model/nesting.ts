// How deep a JSON value nests, measured without recursion: values of anyone's making (a store file edited by hand, an
// export) are walked recursively elsewhere (canonical JSON, JSON.stringify), which overflows the stack thousands deep.

/** True when `value` holds arrays or objects nested more than `max` levels. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push({ v: child, depth: depth + 1 });
  }
  return false;
}
