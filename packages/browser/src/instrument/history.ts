import { listen, native } from '../native';
import { createInstrumentation } from './create-instrumentation';
import { patchMethod } from './patch-method';

/** A change of the page's URL without a page load. */
export interface HistoryChange {
  from: string | undefined;
  to: string;
  /** What changed the URL: a History API call, or back/forward (which includes hash changes). */
  method: 'pushState' | 'replaceState' | 'popstate';
}

/** Calls `handler` for `pushState`, `replaceState` with a URL, and back/forward (`popstate`). */
export const addHistoryHandler = createInstrumentation<HistoryChange>('history', (emit) => {
  const win = globalThis as unknown as Partial<Window>;
  const history = win.history;
  const location = win.location;
  if (!history || !location || !native.addEventListener) return;
  let lastHref: string | undefined = location.href;

  const report = (method: HistoryChange['method']): void => {
    const to = location.href;
    const from = lastHref;
    lastHref = to;
    if (from !== to) emit({ from, to, method });
  };

  listen(win, 'popstate', () => report('popstate'));
  for (const method of ['pushState', 'replaceState'] as const) {
    patchMethod(
      history,
      method,
      (original) =>
        function (this: unknown, ...args: unknown[]): unknown {
          const result: unknown = original.apply(this, args);
          // The URL argument is optional: without it the URL stays and there is nothing to report.
          if (args.length > 2 && args[2] !== undefined && args[2] !== null) report(method);
          return result;
        },
    );
  }
});
