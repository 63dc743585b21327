import type { IncomingMessage } from 'node:http';
import { callGuarded, DEBUG_BUILD, debug, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { captureFrameworkError, isServerError } from './framework-errors';
import { getIncomingRequestState, setIncomingRequestRoute } from './request-route';

/** Options of setupExpressErrorHandler. */
export interface ExpressErrorHandlerOptions {
  /** Which errors to capture. Default: errors without a status and 5xx ones. */
  shouldHandleError?: (error: unknown) => boolean;
}

/** The mechanism of errors captured by the Express error handler. */
export const EXPRESS_MECHANISM = 'auto.http.express.middleware';

/** What Express's router sets on a request while it routes it. */
interface ExpressRequest extends IncomingMessage {
  baseUrl?: string;
}

/** The parts of Express's `Layer` (express 4's own, or the `router` package's in express 5) that are read. */
interface Layer {
  route?: { path?: unknown };
  /** Express 5 (router 2): the pattern as registered. */
  rawPath?: unknown;
  /** Express 4: the part of the URL the layer matched, its parameter names and values. */
  path?: unknown;
  keys?: { name?: unknown }[];
  params?: Record<string, unknown>;
}

type Handle = (this: Layer, req: ExpressRequest, ...rest: unknown[]) => unknown;

const patchedPrototypes = new WeakSet<object>();
// per request: the concrete base URL of each router it entered → that base with its parameters' names
const mountPatterns = new WeakMap<IncomingMessage, Map<string, string>>();

/**
 * Captures errors that reach the end of an Express 4 or 5 app (mechanism
 * `auto.http.express.middleware`, unhandled; 5xx and errors without a status by default) and names
 * each request's transaction after the route that answered it (`GET /users/:id`, source `route`).
 * Call it after all routes and before your own error handlers.
 * @example Sentry.setupExpressErrorHandler(app); app.use(myErrorPage);
 */
export function setupExpressErrorHandler(app: unknown, options: ExpressErrorHandlerOptions = {}): void {
  // the app may be anything the caller had at hand: reading it must not throw into their startup
  callGuarded('setupExpressErrorHandler', () => setupExpress(app, options), undefined);
}

function setupExpress(app: unknown, options: ExpressErrorHandlerOptions): void {
  const target = app as { use?: (handler: unknown) => unknown };
  if (!target || typeof target.use !== 'function') {
    DEBUG_BUILD &&
      debug.warn('setupExpressErrorHandler: the argument is not an Express app; nothing was set up');
    return;
  }
  const shouldHandleError = options.shouldHandleError ?? isServerError;
  target.use(function sentryErrorMiddleware(
    error: unknown,
    _req: unknown,
    _res: unknown,
    next: (error: unknown) => void,
  ) {
    if (
      callGuarded(
        'setupExpressErrorHandler: shouldHandleError',
        () => shouldHandleError(error) === true,
        false,
      )
    ) {
      captureFrameworkError(error, EXPRESS_MECHANISM);
    }
    next(error);
  });
  instrumentExpressRouter(findLayerPrototype(app));
}

/** The prototype of the `Layer` an Express app routes with, from the layers it already has. */
function findLayerPrototype(app: unknown): object | undefined {
  try {
    const candidate = app as { _router?: { stack?: unknown[] }; router?: { stack?: unknown[] } };
    const stack = candidate._router?.stack ?? candidate.router?.stack;
    const layer = Array.isArray(stack) ? stack[stack.length - 1] : undefined;
    return layer && typeof layer === 'object' ? (Object.getPrototypeOf(layer) as object) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Names requests after the routes an Express router matches, by wrapping its `Layer`'s request
 * handler (`handle_request` in express 4, `handleRequest` in router 2 / express 5). Once per prototype.
 */
export function instrumentExpressRouter(layerPrototype: object | undefined): void {
  if (!layerPrototype || patchedPrototypes.has(layerPrototype)) return;
  const proto = layerPrototype as Record<string, unknown>;
  const key = typeof proto['handleRequest'] === 'function' ? 'handleRequest' : 'handle_request';
  const original = proto[key];
  if (typeof original !== 'function') return;
  patchedPrototypes.add(layerPrototype);
  const wrapped = function sentryLayerHandle(this: Layer, req: ExpressRequest, ...rest: unknown[]): unknown {
    if (getIncomingRequestState(req))
      callGuarded('express instrumentation', () => recordLayer(this, req), undefined);
    return (original as Handle).call(this, req, ...rest);
  };
  markFunctionWrapped(wrapped, original as Handle);
  proto[key] = wrapped;
}

/** Names the request's route from an Express module (`require('express')`): for module hooks. */
export function instrumentExpressModule(express: unknown): void {
  try {
    const createRouter = (
      express as { Router?: () => { use: (path: string, fn: () => void) => unknown; stack?: unknown[] } }
    ).Router;
    if (typeof createRouter !== 'function') return;
    const router = createRouter();
    router.use('/', () => undefined);
    const layer = router.stack?.[0];
    instrumentExpressRouter(
      layer && typeof layer === 'object' ? (Object.getPrototypeOf(layer) as object) : undefined,
    );
  } catch {
    DEBUG_BUILD &&
      debug.warn('express: this version of Express could not be instrumented; requests keep their URL names');
  }
}

function recordLayer(layer: Layer, req: ExpressRequest): void {
  const base = req.baseUrl ?? '';
  let mounts = mountPatterns.get(req);
  if (layer.route) {
    const route = toPattern(layer.route.path);
    if (route === undefined) return;
    const prefix = mounts?.get(base) ?? base;
    setIncomingRequestRoute(req, joinRoute(prefix, route));
    return;
  }
  if (!base) return; // middleware on the root path
  if (!mounts) {
    mounts = new Map();
    mountPatterns.set(req, mounts);
  }
  const parent = findParentBase(mounts, base);
  const concrete = base.slice(parent.length);
  const segment = typeof layer.rawPath === 'string' ? layer.rawPath : parametrize(concrete, layer);
  mounts.set(base, joinRoute(mounts.get(parent) ?? parent, segment));
}

/** The longest base already entered that contains `base` (a router inside a router), else the root. */
function findParentBase(mounts: Map<string, string>, base: string): string {
  let parent = '';
  for (const known of mounts.keys()) {
    if (known.length > parent.length && known !== base && base.startsWith(`${known}/`)) parent = known;
  }
  return parent;
}

/** Express 4 keeps no pattern for mounted routers: the parameter values in the matched path become `:name`. */
function parametrize(concrete: string, layer: Layer): string {
  const { keys, params } = layer;
  if (!Array.isArray(keys) || keys.length === 0 || !params) return concrete;
  const segments = concrete.split('/');
  for (const { name } of keys) {
    if (typeof name !== 'string') continue;
    const value = params[name];
    const index = segments.findIndex((segment) => !segment.startsWith(':') && decode(segment) === value);
    if (index !== -1) segments[index] = `:${name}`;
  }
  return segments.join('/');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toPattern(path: unknown): string | undefined {
  if (typeof path === 'string') return path;
  if (path instanceof RegExp) return String(path);
  if (Array.isArray(path)) return path.map((item) => toPattern(item) ?? '').join(',');
  return undefined;
}

function joinRoute(prefix: string, route: string): string {
  if (!prefix) return route || '/';
  if (route === '' || route === '/') return prefix;
  return prefix.endsWith('/') && route.startsWith('/') ? `${prefix}${route.slice(1)}` : `${prefix}${route}`;
}
