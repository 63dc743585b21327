// What the logs bundles add to the errors API: structured logs and the console logs integration.
export { consoleLoggingIntegration, flushLogs, logger } from '../index';
