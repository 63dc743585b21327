import type { Integration } from '@sentry-sdk/core';
import {
  dedupeIntegration,
  functionToStringIntegration,
  inboundFiltersIntegration,
  linkedErrorsIntegration,
  requestDataIntegration,
} from '@sentry-sdk/core';
import {
  amqplibIntegration,
  anthropicAIIntegration,
  bullmqIntegration,
  childProcessIntegration,
  consoleIntegration,
  contextLinesIntegration,
  dataloaderIntegration,
  fastifyIntegration,
  getSpotlightUrl,
  gracefulShutdownIntegration,
  graphqlIntegration,
  httpIntegration,
  modulesIntegration,
  mysqlIntegration,
  nativeNodeFetchIntegration,
  nodeContextIntegration,
  onUncaughtExceptionIntegration,
  onUnhandledRejectionIntegration,
  openAIIntegration,
  postgresIntegration,
  redisIntegration,
  spotlightIntegration,
  systemErrorIntegration,
  vercelAIIntegration,
} from '../integrations';
import type { NodeOptions } from '../client';

/**
 * The integrations `init` installs unless told otherwise: core's filters, dedupe, linked errors and
 * request data, plus Node's crash handlers, graceful shutdown, console breadcrumbs, context lines,
 * process contexts, modules and child-process breadcrumbs; HTTP, fetch and Fastify instrumentation;
 * PostgreSQL, MySQL, Redis, RabbitMQ, bullmq, GraphQL and dataloader instrumentation, and OpenAI, Anthropic and
 * Vercel AI monitoring (each inert until its library loads);
 * system-error contexts; and Spotlight when the `spotlight` option (or `SENTRY_SPOTLIGHT`) asks for it.
 */
export function getDefaultIntegrations(options: NodeOptions = {}): Integration[] {
  const sidecarUrl = getSpotlightUrl(readSpotlightOption(options));
  return [
    inboundFiltersIntegration(),
    functionToStringIntegration(),
    linkedErrorsIntegration(),
    requestDataIntegration(),
    dedupeIntegration(),
    consoleIntegration(),
    onUncaughtExceptionIntegration(),
    onUnhandledRejectionIntegration(),
    gracefulShutdownIntegration(),
    contextLinesIntegration(),
    nodeContextIntegration(),
    childProcessIntegration(),
    modulesIntegration(),
    httpIntegration(),
    nativeNodeFetchIntegration(),
    fastifyIntegration(),
    // each patches (or subscribes to) its library only: nothing happens until the library loads
    postgresIntegration(),
    mysqlIntegration(),
    redisIntegration(),
    amqplibIntegration(),
    bullmqIntegration(),
    graphqlIntegration(),
    dataloaderIntegration(),
    openAIIntegration(),
    anthropicAIIntegration(),
    vercelAIIntegration(),
    systemErrorIntegration(),
    ...(sidecarUrl ? [spotlightIntegration({ sidecarUrl })] : []),
  ];
}

function readSpotlightOption(options: NodeOptions): unknown {
  try {
    return options.spotlight;
  } catch {
    return undefined;
  }
}
