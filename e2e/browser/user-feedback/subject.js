/* global window, location, Sentry */
const params = new URLSearchParams(location.search);
Sentry.init({ dsn: params.get('dsn'), ...(params.has('dropEvents') && { beforeSend: () => null }) });

window.feedback = () =>
  Sentry.captureFeedback({ message: 'The save button does nothing', name: 'Ana', email: 'ana@example.org', associatedEventId: 'c'.repeat(32) });

window.failAndAsk = () => {
  const eventId = Sentry.captureException(new Error('saving failed'));
  Sentry.showReportDialog({ user: { name: 'Ana', email: 'ana@example.org' }, onClose: () => (window.dialogClosed = true) });
  return eventId;
};

window.failTellAndAsk = () => {
  const eventId = Sentry.captureException(new Error('saving failed again'));
  Sentry.captureFeedback({ message: 'Saving failed again', associatedEventId: eventId });
  Sentry.showReportDialog({ user: { name: 'Ana', email: 'ana@example.org' } });
  return eventId;
};
