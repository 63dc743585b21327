// The page each Chromium run loads: it times the bundle's evaluation, `Sentry.init`, the first
// `captureException` and steady-state `captureException` calls, and leaves the numbers on `window`.
import { LOOPBACK_DSN } from '../context';

/** What a page reports. */
export interface PageResult {
  evalMs: number;
  initMs: number;
  firstCaptureMs: number;
  captureUs: number;
  events: number;
  calls: number;
}

/** The HTML of a page loading `bundleUrl`, capturing `calls` errors in batches of 50. */
export function pageHtml(bundleUrl: string, calls: number): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bench</title></head><body>
<script>window.__bench = { start: performance.now() };</script>
<script src="${bundleUrl}"></script>
<script>
window.__bench.evalMs = performance.now() - window.__bench.start;
window.__benchResult = (async () => {
  const S = window.Sentry;
  let events = 0;
  const transport = () => ({
    send(envelope) {
      for (const [header] of envelope[1]) if (header.type === 'event') events++;
      return Promise.resolve({});
    },
    flush: () => Promise.resolve(true),
  });
  // A macrotask without setTimeout's 4 ms clamp on nested timers.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const turn = () => new Promise((done) => { waiting.push(done); channel.port2.postMessage(0); });
  const drain = async (target) => {
    const deadline = performance.now() + 2000;
    while (events < target && performance.now() < deadline) await turn();
  };
  let t = performance.now();
  // maxErrorsPerMinute: 0 turns off this SDK's throttle (the same error 1000 times); the official SDK ignores it.
  S.init({ dsn: '${LOOPBACK_DSN}', transport, maxErrorsPerMinute: 0 });
  const initMs = performance.now() - t;
  t = performance.now();
  S.captureException(new Error('first'));
  await drain(1);
  const firstCaptureMs = performance.now() - t;
  let calls = 0;
  t = performance.now();
  while (calls < ${calls}) {
    for (let k = 0; k < 50; k++) S.captureException(new Error('bench ' + calls++));
    await drain(1 + calls);
  }
  const captureUs = ((performance.now() - t) / calls) * 1000;
  return { evalMs: window.__bench.evalMs, initMs, firstCaptureMs, captureUs, events: events - 1, calls };
})();
</script>
</body></html>
`;
}
