import { subscribe } from 'node:diagnostics_channel';
import { callGuarded, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { captureFrameworkError, getErrorStatus } from './framework-errors';
import { setIncomingRequestRoute } from './request-route';

/** The mechanism of errors captured by the Fastify error handler. */
export const FASTIFY_MECHANISM = 'auto.http.fastify';

/** The parts of a Fastify request and reply that are read. */
interface FastifyRequest {
  raw?: unknown;
  routeOptions?: { url?: unknown };
  /** Fastify 4 before `routeOptions`. */
  routerPath?: unknown;
}
interface FastifyReply {
  statusCode?: number;
}
type Done = (error?: unknown) => void;
interface FastifyInstance {
  addHook(name: string, hook: (...args: never[]) => unknown): unknown;
}

/** Options of setupFastifyErrorHandler. */
export interface FastifyErrorHandlerOptions {
  /** Which errors to capture. Default: those that end in a 5xx response (errors without a status count as 500). */
  shouldHandleError?: (error: unknown, request: unknown, reply: unknown) => boolean;
}

const instrumented = new WeakSet<object>();

/** Names a Fastify request's transaction after its route (`GET /users/:id`, source `route`). */
function nameRequest(request: FastifyRequest): void {
  callGuarded(
    'fastify instrumentation',
    () => {
      const route = request.routeOptions?.url ?? request.routerPath;
      if (typeof route === 'string') setIncomingRequestRoute(request.raw, route);
    },
    undefined,
  );
}

function addNamingHook(app: FastifyInstance): void {
  if (instrumented.has(app)) return;
  instrumented.add(app);
  app.addHook('onRequest', (request: FastifyRequest, _reply: unknown, done: Done) => {
    nameRequest(request);
    done();
  });
}

/**
 * Captures errors of a Fastify 4 or 5 app's routes (mechanism `auto.http.fastify`, unhandled;
 * those answered with a 5xx status by default) and names transactions after routes. Call it
 * right after creating the app, before its routes and plugins.
 * @example const app = Fastify(); Sentry.setupFastifyErrorHandler(app);
 */
export function setupFastifyErrorHandler(app: unknown, options: FastifyErrorHandlerOptions = {}): void {
  // the app may be anything the caller had at hand: reading it must not throw into their startup
  callGuarded('setupFastifyErrorHandler', () => setupFastify(app, options), undefined);
}

function setupFastify(app: unknown, options: FastifyErrorHandlerOptions): void {
  const instance = app as FastifyInstance;
  if (!instance || typeof instance.addHook !== 'function') {
    DEBUG_BUILD &&
      debug.warn('setupFastifyErrorHandler: the argument is not a Fastify instance; nothing was set up');
    return;
  }
  const shouldHandleError =
    options.shouldHandleError ??
    ((error: unknown, _request: unknown, reply: FastifyReply) => {
      const status = getErrorStatus(error) ?? reply.statusCode;
      return status === undefined || status < 400 || status >= 500;
    });
  addNamingHook(instance);
  instance.addHook('onError', (request: FastifyRequest, reply: FastifyReply, error: unknown, done: Done) => {
    nameRequest(request);
    if (
      callGuarded(
        'setupFastifyErrorHandler: shouldHandleError',
        () => shouldHandleError(error, request, reply) === true,
        false,
      )
    ) {
      captureFrameworkError(error, FASTIFY_MECHANISM);
    }
    done();
  });
}

let subscribed = false;

/**
 * Names the transactions of every Fastify app created from now on after their routes, with no
 * call in the app: Fastify (4.x late releases, 5) publishes each new instance on the
 * `fastify.initialization` diagnostics channel, where a naming hook is added.
 */
export function instrumentFastify(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('fastify.initialization', (message) => {
    const app = (message as { fastify?: FastifyInstance }).fastify;
    if (app && typeof app.addHook === 'function')
      callGuarded('fastify instrumentation', () => addNamingHook(app), undefined);
  });
}
