export { nodeProfilingIntegration, type NodeProfilingOptions } from './node-profiling-integration';
