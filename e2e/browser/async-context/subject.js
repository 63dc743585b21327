/* global window, document, location, XMLHttpRequest, requestAnimationFrame, requestIdleCallback, Sentry */
// For each scheduling API: a callback scheduled inside `withScope` (tag `case`) and a sibling
// scheduled outside; each captures a message when it runs. Then the native-await cases.
const params = new URLSearchParams(location.search);
Sentry.init({ dsn: params.get('dsn'), release: 'e2e@1.0.0', tracesSampleRate: 1 });

const target = () => document.getElementById('target');

function xhr(configure) {
  const request = new XMLHttpRequest();
  request.open('GET', '/data.json');
  configure(request);
  request.send();
}

// name → schedule(callback); `fire` runs after both were scheduled, outside any scope.
const CASES = {
  setTimeout: (cb) => setTimeout(cb, 5),
  setInterval: (cb) => {
    const id = setInterval(() => {
      clearInterval(id);
      cb();
    }, 5);
  },
  requestAnimationFrame: (cb) => requestAnimationFrame(cb),
  requestIdleCallback: (cb) => requestIdleCallback(cb),
  queueMicrotask: (cb) => queueMicrotask(cb),
  'Promise.then': (cb) => Promise.resolve().then(cb),
  'Promise.catch': (cb) => Promise.reject(new Error('rejected on purpose')).catch(cb),
  'Promise.finally': (cb) => Promise.resolve().finally(cb),
  'fetch.then': (cb) =>
    fetch('/data.json')
      .then((response) => response.json())
      .then(cb),
  addEventListener: (cb) => target().addEventListener('ping', cb, { once: true }),
  'MessagePort.onmessage': (cb) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = cb;
    channel.port2.postMessage('hello');
  },
  'MessagePort message listener': (cb) => {
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', cb);
    channel.port1.start();
    channel.port2.postMessage('hello');
  },
  'XMLHttpRequest.onload': (cb) => xhr((request) => (request.onload = cb)),
  'XMLHttpRequest.onreadystatechange': (cb) =>
    xhr((request) => {
      request.onreadystatechange = () => {
        if (request.readyState === 4) cb();
      };
    }),
  'XMLHttpRequest load listener': (cb) => xhr((request) => request.addEventListener('load', cb)),
};
const FIRE = {
  addEventListener: () => target().dispatchEvent(new Event('ping')),
};

window.runMatrix = () => {
  for (const [name, schedule] of Object.entries(CASES)) {
    Sentry.withScope((scope) => {
      scope.setTag('case', name);
      schedule(() => Sentry.captureMessage(`${name}: inside`));
    });
    schedule(() => Sentry.captureMessage(`${name}: sibling`));
  }
  // dispatched from a timer of the page's top level: the listeners' own scopes must win
  setTimeout(() => Object.values(FIRE).forEach((fire) => fire()), 20);
  return Object.keys(CASES).length * 2;
};

window.runErrorInScope = () => {
  Sentry.withScope((scope) => {
    scope.setTag('case', 'error thrown in a timer');
    setTimeout(() => {
      throw new Error('thrown in a timer scheduled in a scope');
    });
  });
  return 1;
};

window.runActiveSpan = () => {
  if (typeof Sentry.startSpan !== 'function') return { count: 0 };
  let spanId;
  Sentry.startSpan({ name: 'checkout' }, (span) => {
    spanId = span.spanContext().spanId;
    setTimeout(() => Sentry.captureMessage('active span: inside'), 5);
  });
  setTimeout(() => Sentry.captureMessage('active span: sibling'), 5);
  return { count: 2, spanId };
};

// Continuations after a native `await` (see the package README): best effort.
window.runAwaitCases = () => {
  // 1. The callback of withScope is async: code after its awaits sees its scope.
  Sentry.withScope(async (scope) => {
    scope.setTag('case', 'await in the withScope callback');
    await fetch('/data.json');
    Sentry.captureMessage('await in the withScope callback: after await');
    // a timer scheduled after the await is bound to that scope as well
    setTimeout(() => Sentry.captureMessage('await in the withScope callback: timer after await'), 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  return 2;
};

window.runAwaitNotReturned = () => {
  // 2. An async function started but not returned by the callback: its scope ends with the callback.
  Sentry.withScope((scope) => {
    scope.setTag('case', 'async function not returned');
    (async () => {
      await fetch('/data.json');
      Sentry.captureMessage('async function not returned: after await');
    })();
  });
  return 1;
};

window.runOverlappingAwaits = () => {
  // 3. Two async scopes in flight at once: after an await, code sees the one started last.
  const run = (name, rounds) =>
    Sentry.withScope(async (scope) => {
      scope.setTag('case', name);
      await fetch('/data.json');
      Sentry.captureMessage(`${name}: after await`);
      for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    });
  run('first of two overlapping', 3);
  run('second of two overlapping', 3);
  return 2;
};
