/**
 * A view of `target` whose functions named in `names` are replaced by `wrap(original)`, made once per
 * name; everything else reads through unchanged. The library's own object is never modified.
 */
export function withWrappedFunctions<T extends object>(
  target: T,
  names: readonly PropertyKey[],
  wrap: (original: (...args: any[]) => unknown) => unknown,
): T {
  // a Proxy needs an object: anything else is handed back as it came, unmonitored
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) return target;
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (!names.includes(property) || typeof value !== 'function') return value;
      if (!wrapped.has(property)) wrapped.set(property, wrap(value as (...args: any[]) => unknown));
      return wrapped.get(property);
    },
  });
}
