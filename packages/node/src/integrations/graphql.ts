import type { Integration } from '@sentry-sdk/core';
import { instrumentGraphql } from '../instrumentation';
import { readBooleanOption } from './instrumentation-options';

const NAME = 'Graphql';

/** Options of graphqlIntegration. */
export interface GraphqlIntegrationOptions {
  /** `false` turns the integration off (on by default; costs nothing until graphql loads). */
  enabled?: boolean;
  /** Name the transaction (and the request's error events) after the operation, `query GetUser`. Default true. */
  useOperationNameForRootSpan?: boolean;
  /** `graphql.parse` and `graphql.validate` spans besides `graphql.execute`. Default true. */
  parseAndValidateSpans?: boolean;
}

/**
 * graphql 16 and the servers on it (Apollo Server, GraphQL Yoga, graphql-http, Mercurius on
 * graphql-js): `graphql.execute` spans named after the operation, `graphql.parse` and
 * `graphql.validate` spans, and the operation as the transaction name. The document is sent
 * (`graphql.document`) only with `sendDefaultPii`. Installed by default.
 * @example Sentry.init({ integrations: [Sentry.graphqlIntegration({ useOperationNameForRootSpan: false })] });
 */
export function graphqlIntegration(options: GraphqlIntegrationOptions = {}): Integration {
  const enabled = readBooleanOption(NAME, options, 'enabled', true);
  const recording = {
    useOperationNameForRootSpan: readBooleanOption(NAME, options, 'useOperationNameForRootSpan', true),
    parseAndValidateSpans: readBooleanOption(NAME, options, 'parseAndValidateSpans', true),
  };
  return {
    name: NAME,
    setup(client) {
      if (enabled) instrumentGraphql(client, recording);
    },
  };
}
