export { bindEmitter, type EmitObserver } from './bind-emitter';
export {
  EXPRESS_MECHANISM,
  instrumentExpressModule,
  instrumentExpressRouter,
  setupExpressErrorHandler,
  type ExpressErrorHandlerOptions,
} from './express';
export {
  FASTIFY_MECHANISM,
  instrumentFastify,
  setupFastifyErrorHandler,
  type FastifyErrorHandlerOptions,
} from './fastify';
export { getErrorStatus, isServerError } from './framework-errors';
export { instrumentHttpClient, type HttpClientMode } from './http-client';
export { instrumentHttpServer, type HttpServerOptions } from './http-server';
export { DEFAULT_HEALTH_CHECK_PATHS, getPathname, isHealthCheckPath } from './incoming-request';
export { HTTP_SERVER_ORIGIN } from './server-attributes';
export { KOA_MECHANISM, setupKoaErrorHandler, type KoaErrorHandlerOptions } from './koa';
export {
  isModuleLoaderHookRegistered,
  PRELOAD_MODULES,
  registerModuleHook,
  registerModuleLoaderHook,
  waitForModuleHooks,
  type ModuleDetails,
  type ModuleLoadHook,
} from './module-hooks';
export type { OutgoingRequestOptions } from './outgoing-request';
export type { RequestBodySize } from './request-body';
export { getIncomingRequestState, setIncomingRequestRoute, type IncomingRequestState } from './request-route';
export { instrumentUndici } from './undici';
