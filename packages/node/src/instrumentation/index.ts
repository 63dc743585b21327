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
export { instrumentAmqplib } from './amqplib';
export { BULLMQ_TRACE_OPTION, instrumentBullmq, type BullmqRecordingOptions } from './bullmq';
export { instrumentDataloader } from './dataloader';
export type { DbRecordingOptions } from './db-operation';
export { instrumentGraphql, type GraphqlRecordingOptions } from './graphql';
export { instrumentIoredis } from './ioredis';
export { instrumentMysql2 } from './mysql2';
export { instrumentPg } from './pg';
export type { QueueRecordingOptions } from './queue-message';
export { instrumentNodeRedis } from './redis';
export { getSqlOperation, sanitizeSqlQuery, type SqlDialect } from './sanitize-sql';
export { instrumentAnthropicAi } from './anthropic';
export { instrumentOpenAi } from './openai';
export { instrumentVercelAi } from './vercel-ai';
