// Reads facts about hostile values without running user code where the language allows it:
// brand-checked built-in getters instead of property reads, descriptors instead of getters.
import { attempt } from '../lib';

type Getter = (this: unknown) => unknown;

function getterOf(proto: object | undefined, key: PropertyKey): Getter | undefined {
  if (!proto) return undefined;
  // Taking the getter off its descriptor is the point: it is always called with an explicit `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const get = Object.getOwnPropertyDescriptor(proto, key)?.get;
  return typeof get === 'function' ? (get as Getter) : undefined;
}

interface OptionalGlobals {
  SharedArrayBuffer?: { prototype: object };
}

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const typedArrayName = getterOf(typedArrayProto, Symbol.toStringTag);
const typedArrayLength = getterOf(typedArrayProto, 'length');
const dataViewLength = getterOf(DataView.prototype, 'byteLength');
const buffers: [string, Getter | undefined][] = [
  ['ArrayBuffer', getterOf(ArrayBuffer.prototype, 'byteLength')],
  [
    'SharedArrayBuffer',
    getterOf((globalThis as unknown as OptionalGlobals).SharedArrayBuffer?.prototype, 'byteLength'),
  ],
];
const regExpSource = getterOf(RegExp.prototype, 'source');
// Canonical flag order of RegExp.prototype.flags; each getter checks the brand and reads no user property.
const regExpFlags: [string, Getter | undefined][] =
  'hasIndices global ignoreCase multiline dotAll unicode unicodeSets sticky'
    .split(' ')
    .map((name, index) => ['dgimsuvy'.charAt(index), getterOf(RegExp.prototype, name)]);
const collections: ['map' | 'set', Getter | undefined][] = [
  ['map', getterOf(Map.prototype, 'size')],
  ['set', getterOf(Set.prototype, 'size')],
];

const boxed: ((value: object) => unknown)[] = [Number, String, Boolean, BigInt, Symbol].map(
  (box) => (value) => (box.prototype.valueOf as (this: object) => unknown).call(value),
);

function sizeOf(getter: Getter | undefined, value: object): number {
  const size = getter && attempt(() => getter.call(value));
  return typeof size === 'number' ? size : 0;
}

/** The label of a Date, RegExp, binary buffer or view, or `undefined` when `value` is none of them. */
export function builtinLabel(value: object): string | undefined {
  const time = attempt(() => Date.prototype.getTime.call(value));
  if (time !== undefined) return Number.isNaN(time) ? '[Invalid Date]' : new Date(time).toISOString();
  if (regExpSource && value !== RegExp.prototype) {
    const source = attempt(() => regExpSource.call(value));
    if (typeof source === 'string') {
      const flags = regExpFlags
        .map(([flag, get]) => (get && attempt(() => get.call(value)) === true ? flag : ''))
        .join('');
      return `/${source}/${flags}`;
    }
  }
  if (ArrayBuffer.isView(value)) {
    const name = typedArrayName?.call(value);
    if (typeof name === 'string') return `[${name}(${sizeOf(typedArrayLength, value)})]`;
    return `[DataView(${sizeOf(dataViewLength, value)})]`;
  }
  for (const [name, get] of buffers) {
    const bytes = get && attempt(() => get.call(value));
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

/** The number of entries when `value` is a real Map (`kind` 'map') or Set ('set'). */
export function collectionSize(value: object): { kind: 'map' | 'set'; size: number } | undefined {
  for (const [kind, get] of collections) {
    const size = get && attempt(() => get.call(value));
    if (typeof size === 'number') return { kind, size };
  }
  return undefined;
}

/** Name of the constructor on `value`'s prototype, read through descriptors; `undefined` for null prototypes. */
export function getClassName(value: object): string | undefined {
  try {
    const proto = Object.getPrototypeOf(value) as object | null;
    if (!proto) return undefined;
    const ctor: unknown = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value;
    if (typeof ctor !== 'function') return undefined;
    return functionName(ctor);
  } catch {
    return undefined;
  }
}

/** A function's own `name` when it is a non-empty data property (never runs a static `name` getter). */
export function functionName(fn: unknown): string | undefined {
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
