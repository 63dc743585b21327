/* global XMLHttpRequest, window, document, location, requestAnimationFrame, Sentry */
// Starts the SDK with the DSN from the query string, then offers one trigger per place an error can come from.
const params = new URLSearchParams(location.search);
Sentry.init({
  dsn: params.get('dsn'),
  release: 'e2e@1.0.0',
  // Keep "Script error." (dropped by default) so that its shape can be checked.
  integrations: [Sentry.inboundFiltersIntegration({ disableErrorDefaults: true })],
});

function appendScript(attributes) {
  const script = document.createElement('script');
  Object.assign(script, attributes);
  document.head.appendChild(script);
}

window.triggers = {
  inlineScript: () => appendScript({ text: "throw new Error('sync throw in an inline script');" }),
  scriptFile: () => appendScript({ src: '/thrower.js' }),
  crossOriginScript: () => appendScript({ src: `${params.get('otherOrigin')}/cross-origin.js` }),
  errorEventWithoutError: () =>
    window.dispatchEvent(
      new ErrorEvent('error', {
        message: 'Uncaught ReferenceError: ghost is not defined',
        filename: `${location.origin}/ghost.js`,
        lineno: 12,
        colno: 7,
      }),
    ),
  rejectError: () => Promise.reject(new Error('rejected with an Error')),
  rejectString: () => Promise.reject('rejected with a string'),
  rejectNumber: () => Promise.reject(42),
  rejectObject: () => Promise.reject({ code: 'E_CART', retry: false }),
  rejectEvent: () => Promise.reject(new CustomEvent('cart-failed')),
  rejectDomException: () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')),
  timeout: () =>
    setTimeout(function timeoutCallback() {
      throw new Error('thrown in setTimeout');
    }),
  listener: () => {
    const button = document.getElementById('buy');
    button.addEventListener('click', function onBuyClick() {
      throw new Error('thrown in a click listener');
    });
    button.click();
  },
  animationFrame: () =>
    requestAnimationFrame(function frameCallback() {
      throw new Error('thrown in requestAnimationFrame');
    }),
  xhrCallback: () => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/thrower.js');
    xhr.onload = function onXhrLoad() {
      throw new Error('thrown in an XHR onload');
    };
    xhr.send();
  },
  captureString: () => Sentry.captureException('a plain string captured'),
};

// What the page sees of a callback the SDK wrapped: another function with the same source.
window.wrappedXhrCallback = () => {
  const xhr = new XMLHttpRequest();
  const onload = function onload() {};
  xhr.open('GET', '/thrower.js');
  xhr.onload = onload;
  xhr.send();
  return { wrapped: xhr.onload !== onload, sameSource: String(xhr.onload) === String(onload), length: xhr.onload.length };
};

// Listeners removed with the function the page added must not run, wrapped or not.
window.removedListenerRuns = () => {
  let runs = 0;
  const listener = () => runs++;
  const button = document.getElementById('buy');
  button.addEventListener('dblclick', listener);
  button.removeEventListener('dblclick', listener);
  button.dispatchEvent(new window.MouseEvent('dblclick'));
  return runs;
};
