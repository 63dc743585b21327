import {
  dedupeIntegration,
  functionToStringIntegration,
  inboundFiltersIntegration,
  linkedErrorsIntegration,
  type Integration,
  type Options,
} from '@sentry-sdk/core';
import {
  breadcrumbsIntegration,
  browserApiErrorsIntegration,
  globalHandlersIntegration,
  httpContextIntegration,
} from '../integrations';
import { browserSessionIntegration } from '../sessions';
import { readProperty } from '@sentry-sdk/core/internal';

/**
 * The integrations `init` installs unless told otherwise: inbound filters, function `toString`,
 * browser API errors, breadcrumbs, global handlers, linked errors, dedupe and the page's HTTP
 * context, plus release health (browser sessions) when `options.release` is set.
 */
export function getDefaultIntegrations(options: Options = {}): Integration[] {
  const integrations = [
    inboundFiltersIntegration(),
    functionToStringIntegration(),
    browserApiErrorsIntegration(),
    breadcrumbsIntegration(),
    globalHandlersIntegration(),
    linkedErrorsIntegration(),
    dedupeIntegration(),
    httpContextIntegration(),
  ];
  if (readProperty(options, 'release')) integrations.push(browserSessionIntegration());
  return integrations;
}
