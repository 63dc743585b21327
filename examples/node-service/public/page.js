// The demo page: the CDN bundle defines `Sentry`; this page throws, navigates and calls the shop.
/* global Sentry, window, document, location, history */
(function () {
  var config = window.DEMO_CONFIG || {};
  Sentry.init({ dsn: config.dsn, release: config.release, environment: 'demo' });
  Sentry.setUser({ id: 'demo-user-1', username: 'ada' });
  Sentry.setTag('page', location.search ? 'step-2' : 'home');

  var out = document.getElementById('out');
  function show(text) {
    out.textContent += text + '\n';
  }
  function buy(sku) {
    return fetch('/api/checkout?sku=' + encodeURIComponent(sku)).then(function (response) {
      show('checkout ' + sku + ': HTTP ' + response.status);
    });
  }

  document.getElementById('buy').addEventListener('click', function () {
    buy('42');
  });
  document.getElementById('buy-broken').addEventListener('click', function () {
    buy('crash');
  });
  document.getElementById('cart').addEventListener('click', function () {
    history.pushState({ view: 'cart' }, '', '/cart');
    show('navigated to /cart');
  });
  document.getElementById('break').addEventListener('click', function applyCoupon() {
    var coupon = window.DEMO_COUPON;
    // the bug: no coupon was entered
    show('coupon ' + coupon.code.toUpperCase());
  });
  window.__demoReady = true;
})();
