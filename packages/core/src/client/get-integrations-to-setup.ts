import { callGuarded, callSyncHook, copyArray, debug, DEBUG_BUILD, readProperty } from '../lib';
import type { Integration, Options } from '../types';

/**
 * The integrations `init` installs: the defaults (or `options.defaultIntegrations` when it is an
 * array, none when it is `false`) merged with `options.integrations` — an array whose entries
 * replace defaults of the same name, or a function that receives the defaults and returns the list.
 * One integration per name remains, the last one given, at the place of the first. Never throws.
 */
export function getIntegrationsToSetup(options: Options, defaults: Integration[]): Integration[] {
  const ownDefaults = readProperty(options, 'defaultIntegrations');
  const base = ownDefaults === false ? [] : isArray(ownDefaults) ? ownDefaults : defaults;
  const baseList = validIntegrations(base, 'defaultIntegrations');

  const user = readProperty(options, 'integrations');
  let list = baseList;
  if (isArray(user)) {
    list = [...baseList, ...validIntegrations(user, 'integrations')];
  } else if (typeof user === 'function') {
    const resolve = user as (defaults: Integration[]) => unknown;
    const returned = callSyncHook('the `integrations` option (a function)', () => resolve(baseList.slice()), baseList);
    if (isArray(returned)) list = validIntegrations(returned, 'integrations');
    else
      DEBUG_BUILD &&
        debug.warn('The `integrations` function must return an array; using the default integrations.');
  } else if (user !== undefined) {
    DEBUG_BUILD &&
      debug.warn('Option `integrations` must be an array or a function of the defaults; ignored.');
  }
  return dedupeByName(list);
}

// Array.isArray throws on a revoked Proxy: such a list counts as no list.
function isArray(value: unknown): value is unknown[] {
  return callGuarded('reading an integrations list', () => Array.isArray(value), false);
}

/** Keeps one integration per name: the last given, at the position of the first. */
export function dedupeByName(integrations: Integration[]): Integration[] {
  const byName = new Map<string, Integration>();
  for (const integration of integrations) {
    const name = readProperty(integration, 'name');
    if (typeof name === 'string') byName.set(name, integration);
  }
  return [...byName.values()];
}

/** The entries of `list` that are integrations (objects with a non-empty string `name`), reporting the others. */
export function validIntegrations(list: unknown, option: string): Integration[] {
  const valid: Integration[] = [];
  copyArray(list).forEach((entry, index) => {
    if (integrationName(entry) !== undefined) {
      valid.push(entry as Integration);
    } else {
      DEBUG_BUILD &&
        debug.warn(
          `Option \`${option}\`[${index}] is not an integration (an object with a string \`name\`); ignored.`,
        );
    }
  });
  return valid;
}

/** The name of an integration: `undefined` unless `value` is an object with a non-empty string `name`. */
export function integrationName(value: unknown): string | undefined {
  const name = readProperty(value, 'name');
  return value !== null && typeof value === 'object' && typeof name === 'string' && name ? name : undefined;
}
