/* global window, document */
// Loaded first: records every CSP violation of the page, the bundle's evaluation included.
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
