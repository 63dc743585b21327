import { DEBUG_BUILD, debug } from '../lib';
import type { AsyncContextStrategy } from './async-context-strategy';
import { isScopeLike } from './is-scope-like';
import type { Scope } from './scope';

/**
 * The one slot every copy of the SDK in a realm shares, keyed by the protocol major (1). It holds
 * only the scopes and the context strategy, each created when first needed.
 */
export interface Carrier {
  globalScope?: Scope;
  defaultIsolationScope?: Scope;
  defaultCurrentScope?: Scope;
  strategy?: AsyncContextStrategy | undefined;
}

/** The `globalThis` key of the carrier; `Symbol.for` so that every copy of the SDK finds the same one. */
export const CARRIER_KEY: unique symbol = Symbol.for('sentry-sdk.carrier.v1');

const SCOPE_FIELDS = ['globalScope', 'defaultIsolationScope', 'defaultCurrentScope'] as const;
const STRATEGY_METHODS: readonly (keyof AsyncContextStrategy)[] = [
  'getCurrentScope',
  'getIsolationScope',
  'withScope',
  'withSetScope',
  'withIsolationScope',
  'withSetIsolationScope',
];

type CarrierGlobal = { [CARRIER_KEY]?: unknown };

// The slot last found usable, so the hot path (every getCurrentScope) checks its shape only once.
let verified: unknown;
// Used only when the shared slot holds something this copy cannot work with, or cannot be written.
let privateCarrier: Carrier | undefined;

/** The carrier of this realm, created on first use. */
export function getCarrier(): Carrier {
  const holder = globalThis as CarrierGlobal;
  try {
    const found = holder[CARRIER_KEY];
    if (found === undefined) {
      const carrier: Carrier = {};
      holder[CARRIER_KEY] = carrier;
      if (holder[CARRIER_KEY] === carrier) return carrier;
    } else if (found === verified || isCompatibleCarrier(found)) {
      verified = found;
      return found as Carrier;
    }
  } catch {
    // a throwing accessor on globalThis or a frozen globalThis: fall through to a private carrier
  }
  return usePrivateCarrier();
}

function usePrivateCarrier(): Carrier {
  if (!privateCarrier) {
    DEBUG_BUILD &&
      debug.warn(
        'globalThis[Symbol.for("sentry-sdk.carrier.v1")] holds something that is not an SDK carrier of protocol major 1 ' +
          '(or cannot be written); this copy of the SDK keeps its scopes to itself.',
      );
    privateCarrier = {};
  }
  return privateCarrier;
}

function isCompatibleCarrier(value: unknown): value is Carrier {
  if (value === null || typeof value !== 'object') return false;
  const carrier = value as Record<string, unknown>;
  for (const field of SCOPE_FIELDS) {
    const scope = carrier[field];
    if (scope !== undefined && !isScopeLike(scope)) return false;
  }
  return carrier['strategy'] === undefined || isAsyncContextStrategy(carrier['strategy']);
}

/** True for an object with every method of `AsyncContextStrategy`; never throws. */
export function isAsyncContextStrategy(value: unknown): value is AsyncContextStrategy {
  if (value === null || typeof value !== 'object') return false;
  try {
    const candidate = value as Record<string, unknown>;
    return STRATEGY_METHODS.every((method) => typeof candidate[method] === 'function');
  } catch {
    return false;
  }
}
