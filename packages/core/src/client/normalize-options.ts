import {
  callGuarded,
  copyOwnEntries,
  debug,
  DEBUG_BUILD,
  DEFAULT_MAX_BREADCRUMBS,
  DEFAULT_MAX_VALUE_LENGTH,
  ownKeys,
  VERSION,
} from '../lib';
import type { ClientOptions } from '../types';
import { dedupeByName, getIntegrationsToSetup, validIntegrations } from './get-integrations-to-setup';
import { CORE_OPTION_SPECS, type OptionSpec, type OptionSpecs } from './option-specs';

/** The SDK identity used when the runtime package supplies none. */
export const DEFAULT_SDK_INFO = { name: 'oss.javascript.core', version: VERSION };

/** Defaults of protocol.md §13 and types/options.ts, used for options not given or ill-typed. */
const DEFAULTS: Partial<ClientOptions> = {
  maxBreadcrumbs: DEFAULT_MAX_BREADCRUMBS,
  maxValueLength: DEFAULT_MAX_VALUE_LENGTH,
  normalizeDepth: 3,
  normalizeMaxBreadth: 1000,
  environment: 'production',
  sendDefaultPii: false,
  sendClientReports: true,
  enabled: true,
  platform: 'javascript',
};

/**
 * Checks every option once, at init: an ill-typed option is reported (naming it) and replaced by its
 * default; an unknown option is reported and passed through untouched (runtime packages and later
 * features read their own). Never throws, whatever `input` is.
 */
export function normalizeOptions(input: unknown, extraSpecs: OptionSpecs = {}): ClientOptions {
  // a runtime's specs are read guarded too: the Client constructor is public API
  const specs: OptionSpecs = { ...CORE_OPTION_SPECS, ...copyOwnEntries<OptionSpecs>(extraSpecs) };
  const result: Record<string, unknown> = {};
  if (input !== undefined && (input === null || typeof input !== 'object')) {
    DEBUG_BUILD && debug.warn(`The options must be an object, got ${describe(input)}; using the defaults.`);
  }

  for (const key of ownKeys(input)) {
    let value: unknown;
    try {
      value = (input as Record<string, unknown>)[key];
    } catch {
      DEBUG_BUILD && debug.warn(`Option \`${key}\` could not be read; ignored.`);
      continue;
    }
    if (value === undefined) continue;
    if (key === '__proto__') {
      DEBUG_BUILD && debug.warn('Option `__proto__` is not an option; ignored.');
      continue;
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, key) ? specs[key] : undefined;
    if (!spec) {
      DEBUG_BUILD && debug.warn(`Unknown option \`${key}\`; core does not use it.`);
      result[key] = value;
      continue;
    }
    let checked: ReturnType<typeof checkOption>;
    try {
      checked = checkOption(key, value, spec);
    } catch {
      DEBUG_BUILD && debug.warn(`Option \`${key}\` could not be read; ignored.`);
      continue;
    }
    if (checked.ok) result[key] = checked.value;
  }

  return applyDefaults(result);
}

function checkOption(
  key: string,
  value: unknown,
  spec: OptionSpec,
): { ok: true; value: unknown } | { ok: false } {
  if (!callGuarded(`the check of option \`${key}\``, () => spec.check(value), false)) {
    const fallback = key in DEFAULTS ? 'using the default' : 'ignored';
    DEBUG_BUILD &&
      debug.warn(`Option \`${key}\` must be ${spec.expected}, got ${describe(value)}; ${fallback}.`);
    return { ok: false };
  }
  const element = spec.element;
  if (!element || !Array.isArray(value)) return { ok: true, value };
  // one integration per name: a later one replaces an earlier one (at the earlier one's place)
  if (key === 'integrations' || key === 'defaultIntegrations')
    return { ok: true, value: dedupeByName(validIntegrations(value, key)) };

  const kept: unknown[] = [];
  (value as unknown[]).forEach((item, index) => {
    if (callGuarded(`the check of option \`${key}\``, () => element.check(item), false)) kept.push(item);
    else
      DEBUG_BUILD &&
        debug.warn(
          `Option \`${key}\`[${index}] must be ${element.expected}, got ${describe(item)}; ignored.`,
        );
  });
  return { ok: true, value: kept };
}

function applyDefaults(options: Record<string, unknown>): ClientOptions {
  for (const [key, value] of Object.entries(DEFAULTS)) {
    if (options[key] === undefined) options[key] = value;
  }
  options['sdk'] ??= { ...DEFAULT_SDK_INFO };
  options['stackParser'] ??= () => [];

  // ClientOptions carry resolved integrations; a function form is resolved here against no defaults.
  const integrations = options['integrations'];
  if (!Array.isArray(integrations)) {
    options['integrations'] = typeof integrations === 'function' ? getIntegrationsToSetup(options, []) : [];
  }
  delete options['defaultIntegrations'];
  // `transport` stays absent when the runtime supplied none: the client is then disabled.
  return options as unknown as ClientOptions;
}

/** A short description of a value for messages; never calls user code. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  try {
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'a revoked Proxy';
  }
}
