export { addBreadcrumb } from './add-breadcrumb';
export { captureEvent, captureException, captureMessage, lastEventId } from './capture';
export { addIntegration, close, flush, isEnabled, isInitialized } from './client-lifecycle';
export {
  addEventProcessor,
  setContext,
  setExtra,
  setExtras,
  setTag,
  setTags,
  setUser,
} from './isolation-scope-setters';
export { isolationScope, newScope } from './scopes';
export { captureSession, endSession, startSession } from './sessions';
export {
  getClient,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  withIsolationScope,
  withScope,
} from '../scope';
