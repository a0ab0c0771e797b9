/**
 * Where `value` holds something that is not plain data (text, numbers, booleans, null, undefined, arrays and
 * objects whose prototype is `Object.prototype` or null, with no getters), as a path such as
 * `meta.extra.x`; undefined when it is all plain. Plain data survives IndexedDB's structured clone, IPC and
 * JSON alike; a function (what `---valueOf` once put into a record) makes a whole sync fail to store.
 * Iterative, so any depth is fine.
 */
export function findNonPlainData(value: unknown, name = 'value'): string | undefined {
  const kind = kindOf(value);
  if (kind !== 'object') return kind === 'plain' ? undefined : `${name} (${kind})`;
  // Objects only, each with the way back to its parent: a record holds thousands of values, and writing every
  // one's path cost more than the check itself. A path is spelled out only for the value that fails.
  const pending: Pending[] = [{ value: value as object, parent: undefined, key: name }];
  while (pending.length > 0) {
    const entry = pending.pop()!;
    const current = entry.value;
    const proto = Object.getPrototypeOf(current) as unknown;
    const isArray = Array.isArray(current);
    if (!(isArray ? proto === Array.prototype : proto === Object.prototype || proto === null)) {
      return `${pathOf(entry)} (${describeObject(current)})`;
    }
    for (const key of Reflect.ownKeys(current)) {
      if (typeof key === 'symbol') return `${pathOf(entry)} (a symbol key)`;
      const descriptor = Object.getOwnPropertyDescriptor(current, key)!;
      if (!('value' in descriptor)) return `${pathOf(entry)}.${key} (a getter)`;
      if (isArray && key === 'length') continue;
      const child = descriptor.value as unknown;
      const childKind = kindOf(child);
      if (childKind === 'plain') continue;
      if (childKind !== 'object') return `${pathOf(entry)}.${key} (${childKind})`;
      pending.push({ value: child as object, parent: entry, key });
    }
  }
  return undefined;
}

interface Pending {
  value: object;
  parent: Pending | undefined;
  /** The key under its parent; the name given for the value checked. */
  key: string;
}

/** `plain` for text, numbers, booleans, undefined and null; `object` for what must be looked into; else its type. */
function kindOf(value: unknown): string {
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || value === null) return 'plain';
  return type;
}

function pathOf(entry: Pending): string {
  const keys: string[] = [];
  for (let at: Pending | undefined = entry; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object with an unusual prototype';
}
