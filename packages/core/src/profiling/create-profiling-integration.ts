import { DEBUG_BUILD, debug } from '../lib';
import { getActiveSpan, getRootSpan } from '../tracing';
import type { Client, Integration } from '../types';
import { setupProfiling, type ProfilingSettings, type ProfilingState } from './setup-profiling';
import type { ProfilerBackend } from './types';

/**
 * @internal The profiling integration of a runtime: `createBackend` makes its sampler (called once
 * per client; `undefined` when the runtime cannot profile, having said why).
 */
export function createProfilingIntegration(
  name: string,
  createBackend: () => ProfilerBackend | undefined,
  settings: ProfilingSettings,
): Integration {
  const states = new WeakMap<Client, ProfilingState>();
  return {
    name,
    setup(client) {
      const backend = createBackend();
      if (backend) states.set(client, setupProfiling(client, backend, settings));
      else DEBUG_BUILD && debug.log(`${name}: profiling is not available in this runtime.`);
    },
    afterAllSetup(client) {
      // a page load's root span may have started before the integrations were set up
      const active = getActiveSpan();
      if (active) states.get(client)?.adoptRootSpan(getRootSpan(active));
    },
    processEvent(event, _hint, client) {
      const state = states.get(client);
      return state ? state.processEvent(event) : event;
    },
  };
}
