// Loaded with `--import ./instrument.mjs` before the app. MODE=manual leaves the module alone: the
// app wraps its client with instrumentAnthropicAiClient instead.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({
  tracesSampleRate: 1,
  environment: 'e2e',
  release: 'e2e@1.0.0',
  integrations: (defaults) =>
    process.env.MODE === 'manual'
      ? defaults.filter((integration) => integration.name !== 'Anthropic_AI')
      : defaults,
});
