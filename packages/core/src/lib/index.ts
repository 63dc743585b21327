export {
  CompressionAlgo,
  DEFAULT_MAX_BREADCRUMBS,
  DEFAULT_MAX_VALUE_LENGTH,
  DEFAULT_QUEUE_SIZE,
  EndpointType,
  INSTRUMENTER,
  LogLevel,
  MonitorStatus,
  SPANTEMPLATE,
} from './constants';
export { DEBUG_BUILD } from './debug-build';
export { debug } from './debug-logger';
export { dsnToString, parseDsn, type DsnParseResult } from './dsn';
export { callGuarded, callSyncHook } from './guard';
export { attempt, copyArray, copyOwnEntries, forEachOwnEntry, hasOwnEntries, ownKeys, readProperty } from './guarded-read';
export { isError, isEventLike, isPlainObject, isPrimitive, isRegExp, isString, isThenable } from './is';
export { dateTimestampInSeconds, isoTimestamp, timestampInSeconds } from './time';
export { decodeUtf8, encodeUtf8 } from './utf8';
export { generateSpanId, generateTraceId, UUID_PATTERN, uuid4 } from './uuid';
export { VERSION } from './version';
