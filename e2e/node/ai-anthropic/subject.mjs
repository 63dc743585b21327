// An ES module app calling Anthropic's Messages API: plain, streamed, through the stream helper, and failing.
import * as Sentry from '@sentry-sdk/node';
import Anthropic from '@anthropic-ai/sdk';

const PROMPT = 'SECRET-PROMPT: what is the weather in Paris?';
const tools = [
  {
    name: 'get_weather',
    description: 'The current weather of a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
];

let client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: process.env.LLM_URL, maxRetries: 0 });
if (process.env.MODE === 'manual')
  client = Sentry.instrumentAnthropicAiClient(client, { recordInputs: true, recordOutputs: true });

await Sentry.startSpan({ name: 'anthropic scenario', op: 'task' }, async () => {
  const message = await client.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 256,
    temperature: 0.5,
    top_k: 40,
    system: 'SECRET-SYSTEM: answer briefly',
    messages: [{ role: 'user', content: PROMPT }],
    tools,
  });
  console.log('stop reason:', message.stop_reason);

  const stream = await client.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 256,
    messages: [{ role: 'user', content: PROMPT }],
    stream: true,
  });
  let events = 0;
  for await (const event of stream) events += event.type ? 1 : 0;
  console.log('stream events:', events);

  const final = await client.messages
    .stream({
      model: 'claude-sonnet-4-5',
      max_tokens: 256,
      messages: [{ role: 'user', content: PROMPT }],
      tools,
    })
    .finalMessage();
  console.log('helper stop reason:', final.stop_reason);

  try {
    await client.messages.create({
      model: 'missing-model',
      max_tokens: 10,
      messages: [{ role: 'user', content: PROMPT }],
    });
  } catch (error) {
    console.log('caught status:', error.status);
  }
});
await Sentry.flush(5000);
