// A CommonJS app: `ai` required after init reports its calls through vercelAIIntegration (a default).
const Sentry = require('@sentry-sdk/node');

Sentry.init({
  tracesSampleRate: 1,
  environment: 'e2e',
  release: 'e2e@1.0.0',
  sendDefaultPii: process.env.SEND_PII === '1',
});

const ai = require('ai');
const { createOpenAI } = require('@ai-sdk/openai');
const { runScenario } = require('./scenario.cjs');

async function main() {
  const provider = createOpenAI({ apiKey: 'sk-test', baseURL: `${process.env.LLM_URL}/v1` });
  // the first call names itself; the others pass no telemetry settings at all
  const telemetry = (functionId) => (functionId ? { functionId } : undefined);
  await Sentry.startSpan({ name: 'vercel ai scenario', op: 'task' }, () =>
    runScenario(ai, provider, telemetry),
  );
  await Sentry.flush(5000);
}

main();
