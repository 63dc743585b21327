import type { Integration } from '@sentry-sdk/core';
import { instrumentPg } from '../instrumentation';
import { readDatabaseOptions, type DatabaseIntegrationOptions } from './instrumentation-options';

const NAME = 'Postgres';

/**
 * node-postgres (`pg`): a `db` span (`db.system` `postgresql`) and a `query` breadcrumb per query
 * of a `Client` or `Pool` — callbacks, promises, prepared statements, cursors — with literal values
 * replaced by `?` unless `sendDefaultPii`. Knex, Sequelize, TypeORM and MikroORM on `pg` get the
 * same. Installed by default; patches `pg` only once it loads.
 * @example Sentry.init({ integrations: [Sentry.postgresIntegration({ breadcrumbs: false })] });
 */
export function postgresIntegration(options: DatabaseIntegrationOptions = {}): Integration {
  const recording = readDatabaseOptions(NAME, options);
  return {
    name: NAME,
    setup(client) {
      if (recording) instrumentPg(client, recording);
    },
  };
}
