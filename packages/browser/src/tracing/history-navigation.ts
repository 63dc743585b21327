import type { HistoryChange } from '../instrument';

function parse(url: string | undefined): URL | undefined {
  try {
    return url === undefined ? undefined : new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The name of the route a History API change leads to, when the change is a navigation: `pushState`
 * and back/forward that change the URL, `replaceState` only when the path changes. Hash-only changes
 * count only `withHash` (hash routers), and then the name keeps the hash.
 */
export function getNavigationName(change: HistoryChange, withHash: boolean): string | undefined {
  const from = parse(change.from);
  const to = parse(change.to);
  if (!to) return undefined;
  const name = withHash ? to.pathname + to.hash : to.pathname;
  if (!from) return name;
  const hashChanged = withHash && from.hash !== to.hash;
  const moved =
    change.method === 'replaceState'
      ? from.pathname !== to.pathname
      : from.pathname !== to.pathname || from.search !== to.search;
  return moved || hashChanged ? name : undefined;
}
