export { pinoIntegration, pinoLevelToLogLevel, type PinoIntegrationOptions } from './pino-integration';
export {
  createSentryWinstonTransport,
  winstonLevelToLogLevel,
  type WinstonTransportOptions,
} from './winston-transport';
