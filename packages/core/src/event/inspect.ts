// Reads facts about hostile values without running user code where the language allows it:
// brand-checked built-in getters instead of property reads, descriptors instead of getters.
import { attempt } from '../lib';

type BuiltinGetter = (value: object) => unknown;

/** The built-in getter `key` of `proto`, called on `value`: `undefined` when it is missing or its brand check throws. */
function builtinGetter(proto: object | undefined, key: PropertyKey): BuiltinGetter {
  // Taking the getter off its descriptor is the point: it is always called with an explicit `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const get = (proto && Object.getOwnPropertyDescriptor(proto, key)?.get) as
    ((this: object) => unknown) | undefined;
  return (value) => attempt(() => get?.call(value));
}

// SharedArrayBuffer is missing where the page is not cross-origin isolated.
type OptionalGlobals = Record<string, { prototype: object } | undefined>;

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayName = builtinGetter(typedArrayProto, Symbol.toStringTag);
const typedArrayLength = builtinGetter(typedArrayProto, 'length');
const dataViewLength = builtinGetter(DataView.prototype, 'byteLength');
const buffers: [string, BuiltinGetter][] = ['ArrayBuffer', 'SharedArrayBuffer'].map((name) => [
  name,
  builtinGetter((globalThis as unknown as OptionalGlobals)[name]?.prototype, 'byteLength'),
]);
const regExpSource = builtinGetter(RegExp.prototype, 'source');
// Canonical flag order of RegExp.prototype.flags; each getter checks the brand and reads no user property.
const regExpFlags: [string, BuiltinGetter][] =
  'hasIndices global ignoreCase multiline dotAll unicode unicodeSets sticky'
    .split(' ')
    .map((name, index) => ['dgimsuvy'.charAt(index), builtinGetter(RegExp.prototype, name)]);
const mapSize = builtinGetter(Map.prototype, 'size');
const setSize = builtinGetter(Set.prototype, 'size');

const boxed: ((value: object) => unknown)[] = [Number, String, Boolean, BigInt, Symbol].map(
  (box) => (value) => (box.prototype.valueOf as (this: object) => unknown).call(value),
);

/** The label of a Date, RegExp, binary buffer or view, or `undefined` when `value` is none of them. */
export function builtinLabel(value: object): string | undefined {
  const time = attempt(() => Date.prototype.getTime.call(value));
  if (time !== undefined) return Number.isNaN(time) ? '[Invalid Date]' : new Date(time).toISOString();
  const source = value === RegExp.prototype ? undefined : regExpSource(value);
  if (typeof source === 'string') {
    return `/${source}/${regExpFlags.map(([flag, get]) => (get(value) === true ? flag : '')).join('')}`;
  }
  if (ArrayBuffer.isView(value)) {
    const name = typedArrayName(value);
    // a DataView of a detached buffer has no byteLength
    return typeof name === 'string'
      ? `[${name}(${typedArrayLength(value) as number})]`
      : `[DataView(${(dataViewLength(value) as number | undefined) ?? 0})]`;
  }
  for (const [name, byteLength] of buffers) {
    const bytes = byteLength(value);
    if (typeof bytes === 'number') return `[${name}(${bytes})]`;
  }
  return undefined;
}

/** The primitive inside `new Number(1)`, `Object('x')` and friends, wrapped so that `undefined` means "not boxed". */
export function unboxPrimitive(value: object): { primitive: unknown } | undefined {
  for (const unbox of boxed) {
    try {
      return { primitive: unbox(value) };
    } catch {
      // not this kind of box
    }
  }
  return undefined;
}

/** The number of entries when `value` is a real Map or Set. */
export function collectionSize(value: object): { isMap: boolean; size: number } | undefined {
  const size = mapSize(value);
  if (typeof size === 'number') return { isMap: true, size };
  const setEntries = setSize(value);
  return typeof setEntries === 'number' ? { isMap: false, size: setEntries } : undefined;
}

/** Name of the constructor on `value`'s prototype, read through descriptors; `undefined` for null prototypes. */
export function getClassName(value: object): string | undefined {
  // try/catch, not `attempt`: this runs for every object normalized
  try {
    const proto = Object.getPrototypeOf(value) as object | null;
    return proto ? functionName(Object.getOwnPropertyDescriptor(proto, 'constructor')?.value) : undefined;
  } catch {
    return undefined;
  }
}

/** A function's own `name` when it is a non-empty data property (never runs a static `name` getter). */
export function functionName(fn: unknown): string | undefined {
  if (typeof fn !== 'function') return undefined;
  try {
    const name: unknown = Object.getOwnPropertyDescriptor(fn, 'name')?.value;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}

/** `Object.prototype.toString` of `value`, or `undefined` when a Proxy trap or a `Symbol.toStringTag` getter throws. */
export function toStringTag(value: unknown): string | undefined {
  return attempt(() => Object.prototype.toString.call(value));
}

/** True for a revoked Proxy (any operation on it throws); `Array.isArray` runs no trap otherwise. */
export function isRevokedProxy(value: object): boolean {
  try {
    Array.isArray(value);
    return false;
  } catch {
    return true;
  }
}

/** A short description of something thrown by user code, for labels such as `[Thrown: …]`. */
export function describeThrown(thrown: unknown): string {
  try {
    if (typeof thrown === 'string') return thrown;
    if (thrown !== null && typeof thrown === 'object') {
      const message = (thrown as { message?: unknown }).message;
      return typeof message === 'string' ? message : (getClassName(thrown) ?? 'Object');
    }
    return String(thrown);
  } catch {
    return 'unknown error';
  }
}
