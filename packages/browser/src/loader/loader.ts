// The loader snippet (built to build/bundles/loader.min.js, under 1.5 KB gzip): paste it inline in a
// <script> whose data attributes configure it, or serve it and point a <script src> at it.
//
//   <script data-dsn="https://key@o1.ingest.sentry.io/1" data-src="https://cdn…/bundle.min.js"
//           data-integrity="sha384-…">/* loader.min.js */</script>
//
// Until the bundle arrives it records errors and unhandled rejections and queues calls to the
// `Sentry` API; it loads the bundle on the first error or capture call, after the page's `load`
// event (`data-load="error"`: only on an error; `data-load="now"`: at once), then runs the
// `onLoad` callbacks, calls `init` (the DSN merged in) and replays the queue in order.
// Plain ES2020 with no imports: the snippet must stand alone, and every byte counts.

type Queued = [name: string, args: unknown[]];
type Api = Record<string, unknown>;

const QUEUED_METHODS = [
  'init',
  'captureException',
  'captureMessage',
  'captureEvent',
  'addBreadcrumb',
  'setUser',
  'setTag',
  'setTags',
  'setExtra',
  'setExtras',
  'setContext',
  'addIntegration',
];
const HANDLERS = 'auto.browser.global_handlers.on';
// What the queue holds at most while the bundle is not there (never, when it cannot load).
const MAX_QUEUED = 100;

(() => {
  try {
    const win = window as unknown as { Sentry?: unknown };
    const doc = document;
    const script = doc.currentScript;
    const data = (key: string): string | undefined => script?.getAttribute(`data-${key}`) ?? undefined;
    const dsn = data('dsn');
    const src = data('src');
    const integrity = data('integrity');
    const when = data('load');
    const found = win.Sentry;
    // The SDK is on the page already (a bundle or an npm build): nothing to load.
    if (found && (found as Api)['SDK_VERSION']) return;
    // A page's own `Sentry` object keeps its members: the bundle extends it rather than replacing it.
    const api: Api = found && typeof found === 'object' ? (found as Api) : {};
    const queue: Queued[] = [];
    const callbacks: unknown[] = [];
    let requested = false;

    const enqueue = (item: Queued): void => {
      if (queue.length < MAX_QUEUED) queue.push(item);
    };
    const record = (event: Event): void => {
      enqueue([event.type, [event]]);
      load();
    };
    const stopRecording = (): void => {
      removeEventListener('error', record);
      removeEventListener('unhandledrejection', record);
    };

    const replay = (sdk: Api, [name, args]: Queued): void => {
      try {
        const event = args[0] as ErrorEvent & PromiseRejectionEvent;
        if (name === 'error') {
          (sdk['captureException'] as (...a: unknown[]) => void)(event.error ?? event.message, {
            mechanism: { type: `${HANDLERS}error`, handled: false },
          });
        } else if (name === 'unhandledrejection') {
          (sdk['captureException'] as (...a: unknown[]) => void)(event.reason, {
            mechanism: { type: `${HANDLERS}unhandledrejection`, handled: false },
          });
        } else if (name !== 'init') {
          (sdk[name] as (...a: unknown[]) => void)(...args);
        }
      } catch {
        // one bad call does not stop the rest
      }
    };

    const start = (): void => {
      stopRecording();
      const sdk = win.Sentry as Api | undefined;
      const realInit = sdk?.['init'];
      if (typeof realInit !== 'function' || !sdk?.['SDK_VERSION']) return;
      let initialized = false;
      // `init` calls made before or inside onLoad callbacks get the configured DSN unless they set one.
      sdk['init'] = (options?: Api) => {
        initialized = true;
        return (realInit as (o: Api) => unknown)({ dsn, ...options });
      };
      for (const callback of callbacks) {
        try {
          (callback as () => void)();
        } catch {
          // a throwing callback is the page's bug, not a reason to stop
        }
      }
      for (const [name, args] of queue)
        if (name === 'init') (sdk['init'] as (o?: Api) => void)(args[0] as Api);
      if (!initialized) (sdk['init'] as (o?: Api) => void)();
      sdk['init'] = realInit;
      for (const item of queue) replay(sdk, item);
      queue.length = 0;
    };

    const load = (): void => {
      if (requested || !src) return;
      requested = true;
      const tag = doc.createElement('script');
      tag.src = src;
      tag.crossOrigin = 'anonymous';
      if (integrity) tag.integrity = integrity;
      tag.addEventListener('load', start);
      // without the bundle nothing can be sent: stop holding errors
      tag.addEventListener('error', stopRecording);
      (doc.head ?? doc.documentElement).appendChild(tag);
    };

    addEventListener('error', record);
    addEventListener('unhandledrejection', record);
    for (const name of QUEUED_METHODS) {
      api[name] = (...args: unknown[]) => {
        enqueue([name, args]);
        if (name.startsWith('capture')) load();
      };
    }
    api['onLoad'] = (callback: unknown) => {
      if (callbacks.length < MAX_QUEUED) callbacks.push(callback);
    };
    api['forceLoad'] = load;
    win.Sentry = api;

    if (when === 'now') load();
    else if (when !== 'error') {
      if (doc.readyState === 'complete') setTimeout(load);
      else addEventListener('load', () => setTimeout(load));
    }
  } catch {
    // the snippet never breaks the page it is pasted into
  }
})();

export {};
