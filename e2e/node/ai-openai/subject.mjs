// An ES module app started with the preload and ./instrument.mjs: the imported `openai` is instrumented.
import * as Sentry from '@sentry-sdk/node';
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${process.env.LLM_URL}/v1`, maxRetries: 0 });
await Sentry.startSpan({ name: 'openai esm scenario', op: 'task' }, () =>
  client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'SECRET-PROMPT: hi' }],
  }),
);
await Sentry.flush(5000);
