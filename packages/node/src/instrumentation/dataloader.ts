import {
  getActiveSpan,
  getCurrentScope,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  startSpan,
  type ClientLike,
  type SpanAttributes,
} from '@sentry-sdk/core';
import { isTracingSuppressed, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { getRecordingOptions } from './db-operation';
import { registerModuleHook } from './module-hooks';

/** The parts of a `DataLoader` instance that are read. */
interface Loader {
  name?: unknown;
  _batchLoadFn?: unknown;
}
type Fn = (this: unknown, ...args: unknown[]) => unknown;

const ORIGIN = 'auto.graphql.dataloader';
const optionsByClient = new WeakMap<ClientLike, true>();
const patched = new WeakSet<object>();
const wrappedLoaders = new WeakSet<object>();
let hooked = false;

/**
 * Records each batch a `DataLoader` dispatches as a `function` span `dataloader.batch` (with the
 * loader's `name` and the batch size), under the span that was active when the batch's first
 * key was requested; what the batch function queries nests under it.
 */
export function instrumentDataloader(client: ClientLike): void {
  optionsByClient.set(client, true);
  if (hooked) return;
  hooked = true;
  registerModuleHook('dataloader', (exports) =>
    patchDataloader((exports as { default?: unknown }).default ?? exports),
  );
}

function patchDataloader(DataLoader: unknown): void {
  const proto = (DataLoader as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  if (!proto || patched.has(proto) || typeof proto['load'] !== 'function') return;
  patched.add(proto);
  const original = proto['load'] as Fn;
  // `loadMany` calls `load`: wrapping `load` covers both
  const load = function sentryDataloaderLoad(this: Loader, ...args: unknown[]): unknown {
    if (!wrappedLoaders.has(this)) wrapBatchFunction(this);
    return original.apply(this, args);
  };
  markFunctionWrapped(load, original);
  proto['load'] = load;
}

function wrapBatchFunction(loader: Loader): void {
  wrappedLoaders.add(loader);
  const batch = loader._batchLoadFn;
  if (typeof batch !== 'function') return;
  const wrapped = function sentryBatchLoad(this: unknown, ...args: unknown[]): unknown {
    if (!getRecordingOptions(optionsByClient) || isTracingSuppressed(getCurrentScope()) || !getActiveSpan()) {
      return (batch as Fn).apply(this, args);
    }
    const attributes: SpanAttributes = { [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: ORIGIN };
    if (Array.isArray(args[0])) attributes['dataloader.batch.size'] = args[0].length;
    if (typeof loader.name === 'string' && loader.name) attributes['dataloader.name'] = loader.name;
    const name =
      typeof loader.name === 'string' && loader.name ? `dataloader.batch ${loader.name}` : 'dataloader.batch';
    return startSpan({ name, op: 'function', onlyIfParent: true, attributes }, () =>
      (batch as Fn).apply(this, args),
    );
  };
  markFunctionWrapped(wrapped, batch as Fn);
  loader._batchLoadFn = wrapped;
}
