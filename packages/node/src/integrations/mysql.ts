import type { Integration } from '@sentry-sdk/core';
import { instrumentMysql2 } from '../instrumentation';
import { readDatabaseOptions, type DatabaseIntegrationOptions } from './instrumentation-options';

const NAME = 'Mysql';

/**
 * mysql2 (MySQL and MariaDB): a `db` span (`db.system` `mysql`) and a `query` breadcrumb per
 * `query` or `execute`, callbacks and the promise API, connections and pools, with the values
 * mysql2 formats into the text replaced by `?` unless `sendDefaultPii`. Knex and Sequelize on
 * `mysql2` get the same. Uses the tracing channels mysql2 publishes; patches nothing. Installed by default.
 * @example Sentry.init({ integrations: [Sentry.mysqlIntegration({ spans: true })] });
 */
export function mysqlIntegration(options: DatabaseIntegrationOptions = {}): Integration {
  const recording = readDatabaseOptions(NAME, options);
  return {
    name: NAME,
    setup(client) {
      if (recording) instrumentMysql2(client, recording);
    },
  };
}

/** `mysqlIntegration` under the name the official Sentry SDKs give the mysql2 integration. */
export const mysql2Integration: typeof mysqlIntegration = mysqlIntegration;
