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
import { CORE_OPTION_SPECS, INTEGRATION_SPEC, type OptionSpec, type OptionSpecs } from './option-specs';

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
    try {
      const value = (input as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (key === '__proto__') {
        DEBUG_BUILD && debug.warn('Option `__proto__` is not an option; ignored.');
        continue;
      }
      const spec = Object.prototype.hasOwnProperty.call(specs, key) ? specs[key] : undefined;
      if (!spec) {
        DEBUG_BUILD && debug.warn(`Unknown option \`${key}\`; core does not use it.`);
        result[key] = value;
      } else if (passes(key, spec, value)) {
        result[key] = keepValidElements(key, value, spec.element);
      } else {
        const fallback = key in DEFAULTS ? 'using the default' : 'ignored';
        DEBUG_BUILD &&
          debug.warn(`Option \`${key}\` must be ${spec.expected}, got ${describe(value)}; ${fallback}.`);
      }
    } catch {
      // a throwing getter, or a list that cannot be read (a revoked Proxy)
      DEBUG_BUILD && debug.warn(`Option \`${key}\` could not be read; ignored.`);
    }
  }

  return applyDefaults(result);
}

function passes(key: string, spec: OptionSpec, value: unknown): boolean {
  return callGuarded(`the check of option \`${key}\``, () => spec.check(value), false);
}

/** A list option without the elements its spec rejects (each reported); other values as they are. */
function keepValidElements(key: string, value: unknown, element: OptionSpec | undefined): unknown {
  if (!element || !Array.isArray(value)) return value;
  // one integration per name: a later one replaces an earlier one (at the earlier one's place)
  if (element === INTEGRATION_SPEC) return dedupeByName(validIntegrations(value, key));
  const kept: unknown[] = [];
  (value as unknown[]).forEach((item, index) => {
    if (passes(key, element, item)) kept.push(item);
    else
      DEBUG_BUILD &&
        debug.warn(
          `Option \`${key}\`[${index}] must be ${element.expected}, got ${describe(item)}; ignored.`,
        );
  });
  return kept;
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
