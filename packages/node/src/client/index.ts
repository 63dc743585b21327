export { NodeClient } from './node-client';
export {
  DEFAULT_SHUTDOWN_TIMEOUT,
  getShutdownTimeout,
  NODE_OPTION_SPECS,
  type NodeClientOptions,
  type NodeOptions,
} from './node-options';
