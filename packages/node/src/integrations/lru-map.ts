/** A Map that keeps at most `capacity` entries, forgetting the least recently used first. */
export interface LruMap<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  has(key: K): boolean;
  delete(key: K): void;
  readonly size: number;
}

/** Creates an LruMap; a Map's insertion order doubles as the recency order. */
export function createLruMap<K, V>(capacity: number): LruMap<K, V> {
  const map = new Map<K, V>();
  return {
    get(key) {
      if (!map.has(key)) return undefined;
      const value = map.get(key) as V;
      map.delete(key);
      map.set(key, value);
      return value;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      if (map.size > capacity) map.delete(map.keys().next().value as K);
    },
    has: (key) => map.has(key),
    delete: (key) => void map.delete(key),
    get size() {
      return map.size;
    },
  };
}
