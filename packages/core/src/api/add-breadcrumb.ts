import {
  callGuarded,
  callSyncHook,
  copyOwnEntries,
  dateTimestampInSeconds,
  debug,
  DEBUG_BUILD,
  DEFAULT_MAX_BREADCRUMBS,
} from '../lib';
import { getClient, getIsolationScope } from '../scope';
import type { Breadcrumb, BreadcrumbHint } from '../types';

/**
 * Records a breadcrumb on the isolation scope (timestamp defaulted to now), after the client's
 * `beforeBreadcrumb`: `null` drops it, a throwing hook is logged and the breadcrumb kept. Does
 * nothing before init or with `maxBreadcrumbs: 0`.
 * @example addBreadcrumb({ category: 'auth', message: 'Signed in', level: 'info' });
 */
export function addBreadcrumb(breadcrumb: Breadcrumb, hint?: BreadcrumbHint): void {
  callGuarded('addBreadcrumb', () => add(breadcrumb, hint), undefined);
}

function add(breadcrumb: Breadcrumb, hint: BreadcrumbHint | undefined): void {
  const client = getClient();
  if (!client) return;
  if (breadcrumb === null || typeof breadcrumb !== 'object') {
    DEBUG_BUILD && debug.warn('addBreadcrumb: the breadcrumb must be an object; ignored.');
    return;
  }
  const { beforeBreadcrumb, maxBreadcrumbs = DEFAULT_MAX_BREADCRUMBS } = client.getOptions();
  if (maxBreadcrumbs <= 0) return;

  const crumb = copyOwnEntries<Breadcrumb>(breadcrumb);
  if (typeof crumb.timestamp !== 'number' || !Number.isFinite(crumb.timestamp)) crumb.timestamp = dateTimestampInSeconds();
  let final: unknown = crumb;
  if (typeof beforeBreadcrumb === 'function') {
    final = callSyncHook('beforeBreadcrumb', () => beforeBreadcrumb({ ...crumb }, hint), crumb);
    if (final === null || final === undefined) {
      DEBUG_BUILD && debug.log('beforeBreadcrumb dropped a breadcrumb.');
      return;
    }
    if (typeof final !== 'object') {
      DEBUG_BUILD &&
        debug.warn('beforeBreadcrumb must return a breadcrumb or null; the breadcrumb is kept as it was.');
      final = crumb;
    }
  }
  client.emit('beforeAddBreadcrumb', final as Breadcrumb, hint);
  // our own copy needs no second one; what beforeBreadcrumb returned is the app's, so the scope copies it
  if (final === crumb) getIsolationScope()._pushBreadcrumb(crumb, maxBreadcrumbs);
  else getIsolationScope().addBreadcrumb(final as Breadcrumb, maxBreadcrumbs);
}
