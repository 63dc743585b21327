/* global window, location, XMLHttpRequest, history, Sentry */
const params = new URLSearchParams(location.search);
const off = (params.get('off') || '').split(',').filter(Boolean);
Sentry.init({
  dsn: params.get('dsn'),
  integrations: [Sentry.breadcrumbsIntegration(Object.fromEntries(off.map((source) => [source, false])))],
});

// Things a user and the app do before something goes wrong.
window.doThings = async () => {
  Sentry.captureMessage('an earlier event');
  await Sentry.flush(2000);
  console.log('cart loaded', { items: 2 });
  console.warn('slow network');
  await fetch('/data.json?token=s3cret&page=1');
  await new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/missing');
    xhr.onloadend = resolve;
    xhr.send('a body that is never recorded');
  });
  history.pushState({}, '', '/checkout?step=2');
};

window.fail = () => Sentry.captureException(new Error('payment failed'));
