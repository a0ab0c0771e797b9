/**
 * Where `value` holds something that is not plain data (text, numbers, booleans, null, undefined, arrays and
 * objects whose prototype is `Object.prototype` or null, with no getters), as a path such as
 * `meta.extra.x`; undefined when it is all plain. Plain data survives IndexedDB's structured clone, IPC and
 * JSON alike; a function (what `---valueOf` once put into a record) makes a whole sync fail to store.
 * Iterative, so any depth is fine.
 */
export function findNonPlainData(value: unknown, name = 'value'): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value, path: name }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    switch (typeof current) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'undefined':
        continue;
      case 'object':
        break;
      default:
        return `${path} (${typeof current})`;
    }
    if (current === null) continue;
    const proto = Object.getPrototypeOf(current) as unknown;
    const isArray = Array.isArray(current);
    if (!(isArray ? proto === Array.prototype : proto === Object.prototype || proto === null)) {
      return `${path} (${describeObject(current)})`;
    }
    for (const key of Reflect.ownKeys(current)) {
      if (typeof key === 'symbol') return `${path} (a symbol key)`;
      const descriptor = Object.getOwnPropertyDescriptor(current, key)!;
      if (!('value' in descriptor)) return `${path}.${key} (a getter)`;
      if (isArray && key === 'length') continue;
      pending.push({ value: descriptor.value, path: `${path}.${key}` });
    }
  }
  return undefined;
}

function describeObject(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object with an unusual prototype';
}
