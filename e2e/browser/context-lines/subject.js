/* global location, Sentry */
const params = new URLSearchParams(location.search);
Sentry.init({ dsn: params.get('dsn'), integrations: [Sentry.contextLinesIntegration({ frameContextLines: 3 })] });
