/* global window, location, Sentry */
const params = new URLSearchParams(location.search);
Sentry.init({
  dsn: params.get('dsn'),
  tunnel: '/tunnel',
  enableLogs: true,
  tracesSampleRate: 1,
  integrations: [Sentry.browserTracingIntegration ? Sentry.browserTracingIntegration() : undefined].filter(
    Boolean,
  ),
});

// Sends one error (with a secret the SDK must scrub) and one log, then flushes.
window.sendThroughTunnel = async () => {
  Sentry.setExtra('api_key', 'k-123');
  Sentry.captureException(new Error('sent through the tunnel'));
  Sentry.logger.info('a log through the tunnel', { password: 'hunter2' });
  return Sentry.flush(5000);
};

// What the tunnel answers to an envelope naming another ingest host.
window.postForeignEnvelope = async (foreignDsn) => {
  const envelope = `${JSON.stringify({ dsn: foreignDsn })}\n${JSON.stringify({ type: 'event' })}\n${JSON.stringify({ message: 'forged' })}\n`;
  const response = await fetch('/tunnel', { method: 'POST', body: envelope });
  return response.status;
};
