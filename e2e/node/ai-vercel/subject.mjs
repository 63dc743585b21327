// An ES module app without the preload: nothing is patched, each call passes createVercelAiTelemetry().
import * as Sentry from '@sentry-sdk/node';
import * as ai from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import scenario from './scenario.cjs';

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', release: 'e2e@1.0.0' });

const provider = createOpenAI({ apiKey: 'sk-test', baseURL: `${process.env.LLM_URL}/v1` });
const telemetry = (functionId) =>
  Sentry.createVercelAiTelemetry({ functionId, recordInputs: true, recordOutputs: true });
await Sentry.startSpan({ name: 'vercel ai scenario', op: 'task' }, () =>
  scenario.runScenario(ai, provider, telemetry),
);
await Sentry.flush(5000);
