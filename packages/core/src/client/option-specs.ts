import { DEBUG_BUILD, isRegExp } from '../lib';
import { integrationName } from './get-integrations-to-setup';

/**
 * How one option is checked: `check` says whether a value is acceptable; `expected` says what is,
 * for debug messages (`DEBUG_BUILD && '…'`, so that minified bundles leave the text out).
 */
export interface OptionSpec {
  check(value: unknown): boolean;
  expected: string | false;
  /** For list options: keeps the acceptable elements, reporting the others. */
  element?: OptionSpec | undefined;
}

/** Option name → its check. Runtime packages pass their own specs to the Client to extend these. */
export type OptionSpecs = Record<string, OptionSpec>;

/** One spec; a call per spec rather than an object literal keeps the minified table short. */
function spec(check: OptionSpec['check'], expected: string | false, element?: OptionSpec): OptionSpec {
  return { check, expected, element };
}

const string: OptionSpec = spec((v) => typeof v === 'string', DEBUG_BUILD && 'a string');
const boolean: OptionSpec = spec((v) => typeof v === 'boolean', DEBUG_BUILD && 'a boolean');
const fn: OptionSpec = spec((v) => typeof v === 'function', DEBUG_BUILD && 'a function');
const rate: OptionSpec = spec(
  (v) => typeof v === 'number' && v >= 0 && v <= 1,
  DEBUG_BUILD && 'a number between 0 and 1',
);
const count: OptionSpec = spec(
  (v) => Number.isInteger(v) && (v as number) >= 0,
  DEBUG_BUILD && 'a non-negative integer',
);
const positive: OptionSpec = spec(
  (v) => Number.isInteger(v) && (v as number) > 0,
  DEBUG_BUILD && 'a positive integer',
);
const isRecord = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
const object: OptionSpec = spec(isRecord, DEBUG_BUILD && 'an object');
const patterns: OptionSpec = spec(
  Array.isArray,
  DEBUG_BUILD && 'an array of strings or RegExps',
  spec((v) => typeof v === 'string' || isRegExp(v), DEBUG_BUILD && 'a string or RegExp'),
);

/** The element spec of the integration lists: their elements are checked (and deduplicated) by name. */
export const INTEGRATION_SPEC: OptionSpec = spec(
  (v) => integrationName(v) !== undefined,
  DEBUG_BUILD && 'an integration (an object with a string `name`)',
);

/** The options core knows, with the type each must have (types/options.ts). */
export const CORE_OPTION_SPECS: OptionSpecs = {
  dsn: string,
  debug: boolean,
  release: string,
  environment: string,
  dist: string,
  serverName: string,
  sampleRate: rate,
  maxBreadcrumbs: count,
  maxValueLength: positive,
  normalizeDepth: count,
  normalizeMaxBreadth: count,
  attachStacktrace: boolean,
  sendDefaultPii: boolean,
  beforeSend: fn,
  beforeSendTransaction: fn,
  beforeSendCheckIn: fn,
  beforeBreadcrumb: fn,
  ignoreErrors: patterns,
  ignoreTransactions: patterns,
  denyUrls: patterns,
  allowUrls: patterns,
  integrations: spec(
    (v) => Array.isArray(v) || typeof v === 'function',
    DEBUG_BUILD && 'an array of integrations or a function of the defaults',
    INTEGRATION_SPEC,
  ),
  defaultIntegrations: spec(
    (v) => v === false || Array.isArray(v),
    DEBUG_BUILD && 'false or an array of integrations',
    INTEGRATION_SPEC,
  ),
  initialScope: spec(
    (v) => v !== null && (typeof v === 'object' || typeof v === 'function'),
    DEBUG_BUILD && 'a scope context object or a function of the scope',
  ),
  transport: fn,
  transportOptions: object,
  tunnel: string,
  sendClientReports: boolean,
  enabled: boolean,
  stackParser: fn,
  tracesSampleRate: rate,
  tracesSampler: fn,
  tracePropagationTargets: patterns,
  propagateTraceparent: boolean,
  strictTraceContinuation: boolean,
  orgId: spec((v) => typeof v === 'string' || Number.isInteger(v), DEBUG_BUILD && 'a string or an integer'),
  maxSpans: count,
  enableLogs: boolean,
  beforeSendLog: fn,
  profilesSampleRate: rate,
  profilesSampler: fn,
  profileSessionSampleRate: rate,
  profileLifecycle: spec((v) => v === 'manual' || v === 'trace', DEBUG_BUILD && '"manual" or "trace"'),
  scrubbing: spec(
    (v) => typeof v === 'boolean' || isRecord(v),
    DEBUG_BUILD && 'a boolean or an object with `denyKeys`, `allowKeys` and `patterns`',
  ),
  maxErrorsPerMinute: count,
  maxTransactionsPerMinute: count,
  maxLogsPerMinute: count,
  sdk: spec(
    (v) =>
      v !== null &&
      typeof v === 'object' &&
      typeof (v as { name?: unknown }).name === 'string' &&
      typeof (v as { version?: unknown }).version === 'string',
    DEBUG_BUILD && 'an object with string `name` and `version`',
  ),
  platform: string,
};
