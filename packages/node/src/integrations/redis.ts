import type { Integration } from '@sentry-sdk/core';
import { instrumentIoredis, instrumentNodeRedis } from '../instrumentation';
import { readDatabaseOptions, type DatabaseIntegrationOptions } from './instrumentation-options';

const NAME = 'Redis';

/**
 * ioredis (5 and 6) and node-redis (`redis` 5, `@redis/client`): a `db.redis` span and a `redis`
 * breadcrumb per command, described with its keys and `?` for values (`SET user:1 ?`; node-redis
 * and ioredis 5 show values with `sendDefaultPii`, credentials never), one span per node-redis
 * `MULTI` or pipeline and per ioredis `MULTI`. Installed by default; costs nothing until a client loads.
 * @example Sentry.init({ integrations: [Sentry.redisIntegration({ breadcrumbs: false })] });
 */
export function redisIntegration(options: DatabaseIntegrationOptions = {}): Integration {
  const recording = readDatabaseOptions(NAME, options);
  return {
    name: NAME,
    setup(client) {
      if (!recording) return;
      instrumentIoredis(client, recording);
      instrumentNodeRedis(client, recording);
    },
  };
}
