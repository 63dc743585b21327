// Rejects a promise nobody handles; REJECTION_MODE picks the integration's mode (unset: the default).
const Sentry = require('@sentry-sdk/node');

const mode = process.env.REJECTION_MODE;
Sentry.init({
  integrations: mode ? [Sentry.onUnhandledRejectionIntegration({ mode })] : [],
});

async function fetchInvoice(id) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  throw new Error(`invoice ${id} not found`);
}

fetchInvoice(42);
setTimeout(() => console.log('still running'), 200);
