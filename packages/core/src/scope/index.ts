export { applyScopeDataToEvent } from './apply-scope-data-to-event';
export {
  getAsyncContextStrategy,
  getDefaultCurrentScope,
  getDefaultIsolationScope,
  setAsyncContextStrategy,
  type AsyncContextStrategy,
} from './async-context-strategy';
export { CARRIER_KEY, getCarrier, type Carrier } from './carrier';
export {
  getClient,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  withIsolationScope,
  withScope,
} from './current-scopes';
export { isScopeLike, type ScopeLike } from './is-scope-like';
export { getCombinedScopeData, mergeScopeData } from './merge-scope-data';
export { createPropagationContext, truncateSampleRand } from './propagation-context';
export { Scope, type CaptureContext, type TagValue } from './scope';
export { addScopeCloneHook } from './scope-clone-hooks';
export { createStackStrategy } from './stack-strategy';
