import type { ClientLike } from '@sentry-sdk/core';
import {
  getRecordingOptions,
  shouldSendDefaultPii,
  startDbOperation,
  type DbRecording,
  type DbRecordingOptions,
} from './db-operation';
import { toSqlOperation } from './sql-operation';
import { subscribeTracingChannel, type TracingMessage } from './tracing-channel-recorder';

const ORIGIN = 'auto.db.mysql2';
const optionsByClient = new WeakMap<ClientLike, DbRecordingOptions>();
let subscribed = false;

/**
 * Records mysql2 queries (`query` and prepared `execute`, callbacks and the promise API, pools)
 * as `db` spans and `query` breadcrumbs, through the `mysql2:query` and `mysql2:execute` tracing
 * channels mysql2 publishes (3.x releases from 2026 on): nothing is patched.
 */
export function instrumentMysql2(client: ClientLike, options: DbRecordingOptions): void {
  optionsByClient.set(client, options);
  if (subscribed) return;
  subscribed = true;
  subscribeTracingChannel('mysql2:query', startQuery);
  subscribeTracingChannel('mysql2:execute', startQuery);
}

function startQuery(message: TracingMessage): DbRecording | undefined {
  const options = getRecordingOptions(optionsByClient);
  if (!options || typeof message['query'] !== 'string') return undefined;
  const port = message['serverPort'];
  return startDbOperation(
    options,
    toSqlOperation({
      system: 'mysql',
      origin: ORIGIN,
      // `query` sends its values inside the text (mysql2 formats them in): only the sanitizer keeps them out
      text: message['query'],
      database: typeof message['database'] === 'string' ? message['database'] : undefined,
      host: typeof message['serverAddress'] === 'string' ? message['serverAddress'] : undefined,
      port: typeof port === 'number' ? port : undefined,
      dialect: { doubleQuotedStrings: true },
      sendRawText: shouldSendDefaultPii(),
    }),
  );
}
