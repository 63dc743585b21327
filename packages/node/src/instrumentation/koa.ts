import { callGuarded, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { captureFrameworkError, isServerError } from './framework-errors';
import { setIncomingRequestRoute } from './request-route';

/** The mechanism of errors captured by the Koa error handler. */
export const KOA_MECHANISM = 'auto.http.koa';

/** Options of setupKoaErrorHandler. */
export interface KoaErrorHandlerOptions {
  /** Which errors to capture. Default: errors without a status and 5xx ones (`ctx.throw(404)` is not captured). */
  shouldHandleError?: (error: unknown) => boolean;
}

interface KoaContext {
  req?: unknown;
  /** Set by @koa/router (and koa-router) to the pattern of the route that matched. */
  _matchedRoute?: unknown;
}

function nameRequest(ctx: KoaContext): void {
  callGuarded(
    'koa instrumentation',
    () => {
      if (typeof ctx._matchedRoute === 'string') setIncomingRequestRoute(ctx.req, ctx._matchedRoute);
    },
    undefined,
  );
}

/**
 * Names the request the moment the router sets `ctx._matchedRoute`, before the route's handlers
 * run, so that their events already carry the route name (routers set it again for nested routes).
 */
function nameWhenMatched(ctx: KoaContext): void {
  try {
    let matched = ctx._matchedRoute;
    Object.defineProperty(ctx, '_matchedRoute', {
      configurable: true,
      enumerable: true,
      get: () => matched,
      set(value: unknown) {
        matched = value;
        nameRequest(ctx);
      },
    });
  } catch {
    // a frozen context: the name is set once the handlers are done
  }
}

/**
 * Adds a first middleware to a Koa app that captures errors thrown by the rest (mechanism
 * `auto.http.koa`, unhandled; 5xx and errors without a status by default) and names transactions
 * after the @koa/router route that matched. Call it before `app.listen()`; errors are re-thrown so
 * Koa answers them as before.
 * @example const app = new Koa(); Sentry.setupKoaErrorHandler(app);
 */
export function setupKoaErrorHandler(app: unknown, options: KoaErrorHandlerOptions = {}): void {
  // the app may be anything the caller had at hand: reading it must not throw into their startup
  callGuarded('setupKoaErrorHandler', () => setupKoa(app, options), undefined);
}

function setupKoa(app: unknown, options: KoaErrorHandlerOptions): void {
  const middleware = (app as { middleware?: unknown } | undefined)?.middleware;
  if (!Array.isArray(middleware)) {
    DEBUG_BUILD && debug.warn('setupKoaErrorHandler: the argument is not a Koa app; nothing was set up');
    return;
  }
  const shouldHandleError = options.shouldHandleError ?? isServerError;
  middleware.unshift(async function sentryKoaMiddleware(ctx: KoaContext, next: () => Promise<unknown>) {
    nameWhenMatched(ctx);
    try {
      await next();
    } catch (error) {
      nameRequest(ctx);
      if (
        callGuarded('setupKoaErrorHandler: shouldHandleError', () => shouldHandleError(error) === true, false)
      ) {
        captureFrameworkError(error, KOA_MECHANISM);
      }
      throw error;
    }
    nameRequest(ctx);
  });
}
