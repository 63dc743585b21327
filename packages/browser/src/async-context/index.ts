export { bindToContext, isBoundToContext } from './bind-to-context';
export { setBrowserAsyncContextStrategy } from './set-browser-async-context-strategy';
export { getSchedulingTargets, wrapSchedulingApis, type SchedulingTargets } from './wrap-scheduling-apis';
export { createZoneStrategy, type ScopePair, type ZoneStrategy } from './zone-strategy';
