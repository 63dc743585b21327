import type { Integration } from '@sentry-sdk/core';
import { instrumentDataloader } from '../instrumentation';
import { readBooleanOption } from './instrumentation-options';

const NAME = 'Dataloader';

/** Options of dataloaderIntegration. */
export interface DataloaderIntegrationOptions {
  /** `false` turns the integration off (on by default; costs nothing until dataloader loads). */
  enabled?: boolean;
}

/**
 * dataloader: a `dataloader.batch` span (op `function`, with `dataloader.name` and
 * `dataloader.batch.size`) per batch a loader dispatches, so that the queries a batch makes are
 * grouped under it. Installed by default; patches dataloader only once it loads.
 */
export function dataloaderIntegration(options: DataloaderIntegrationOptions = {}): Integration {
  const enabled = readBooleanOption(NAME, options, 'enabled', true);
  return {
    name: NAME,
    setup(client) {
      if (enabled) instrumentDataloader(client);
    },
  };
}
