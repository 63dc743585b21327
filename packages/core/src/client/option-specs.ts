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
  element?: OptionSpec;
}

/** Option name → its check. Runtime packages pass their own specs to the Client to extend these. */
export type OptionSpecs = Record<string, OptionSpec>;

const string: OptionSpec = { check: (v) => typeof v === 'string', expected: DEBUG_BUILD && 'a string' };
const boolean: OptionSpec = { check: (v) => typeof v === 'boolean', expected: DEBUG_BUILD && 'a boolean' };
const fn: OptionSpec = { check: (v) => typeof v === 'function', expected: DEBUG_BUILD && 'a function' };
const rate: OptionSpec = {
  check: (v) => typeof v === 'number' && v >= 0 && v <= 1,
  expected: DEBUG_BUILD && 'a number between 0 and 1',
};
const count: OptionSpec = {
  check: (v) => Number.isInteger(v) && (v as number) >= 0,
  expected: DEBUG_BUILD && 'a non-negative integer',
};
const positive: OptionSpec = {
  check: (v) => Number.isInteger(v) && (v as number) > 0,
  expected: DEBUG_BUILD && 'a positive integer',
};
const isRecord = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
const object: OptionSpec = { check: isRecord, expected: DEBUG_BUILD && 'an object' };
const patterns: OptionSpec = {
  check: Array.isArray,
  expected: DEBUG_BUILD && 'an array of strings or RegExps',
  element: {
    check: (v) => typeof v === 'string' || isRegExp(v),
    expected: DEBUG_BUILD && 'a string or RegExp',
  },
};

/** The element spec of the integration lists: their elements are checked (and deduplicated) by name. */
export const INTEGRATION_SPEC: OptionSpec = {
  check: (v) => integrationName(v) !== undefined,
  expected: DEBUG_BUILD && 'an integration (an object with a string `name`)',
};

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
  integrations: {
    check: (v) => Array.isArray(v) || typeof v === 'function',
    expected: DEBUG_BUILD && 'an array of integrations or a function of the defaults',
    element: INTEGRATION_SPEC,
  },
  defaultIntegrations: {
    check: (v) => v === false || Array.isArray(v),
    expected: DEBUG_BUILD && 'false or an array of integrations',
    element: INTEGRATION_SPEC,
  },
  initialScope: {
    check: (v) => v !== null && (typeof v === 'object' || typeof v === 'function'),
    expected: DEBUG_BUILD && 'a scope context object or a function of the scope',
  },
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
  orgId: {
    check: (v) => typeof v === 'string' || Number.isInteger(v),
    expected: DEBUG_BUILD && 'a string or an integer',
  },
  maxSpans: count,
  enableLogs: boolean,
  beforeSendLog: fn,
  profilesSampleRate: rate,
  profilesSampler: fn,
  profileSessionSampleRate: rate,
  profileLifecycle: {
    check: (v) => v === 'manual' || v === 'trace',
    expected: DEBUG_BUILD && '"manual" or "trace"',
  },
  scrubbing: {
    check: (v) => typeof v === 'boolean' || isRecord(v),
    expected: DEBUG_BUILD && 'a boolean or an object with `denyKeys`, `allowKeys` and `patterns`',
  },
  maxErrorsPerMinute: count,
  maxTransactionsPerMinute: count,
  maxLogsPerMinute: count,
  sdk: {
    check: (v) =>
      v !== null &&
      typeof v === 'object' &&
      typeof (v as { name?: unknown }).name === 'string' &&
      typeof (v as { version?: unknown }).version === 'string',
    expected: DEBUG_BUILD && 'an object with string `name` and `version`',
  },
  platform: string,
};
