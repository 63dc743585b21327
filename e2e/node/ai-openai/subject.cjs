// A CommonJS app: `openai` required after init is instrumented by the default integrations.
const Sentry = require('@sentry-sdk/node');

const record = process.env.RECORD === '1';
Sentry.init({
  tracesSampleRate: 1,
  environment: 'e2e',
  release: 'e2e@1.0.0',
  sendDefaultPii: process.env.SEND_PII === '1',
  integrations: (defaults) =>
    record ? [...defaults, Sentry.openAIIntegration({ recordInputs: true, recordOutputs: true })] : defaults,
});

const { OpenAI } = require('openai');

const PROMPT = 'SECRET-PROMPT: what is the weather in Paris?';
const SYSTEM = 'SECRET-SYSTEM: answer in one sentence';
const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'The current weather of a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

async function main() {
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${process.env.LLM_URL}/v1`, maxRetries: 0 });
  await Sentry.startSpan({ name: 'openai scenario', op: 'task' }, async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: PROMPT },
      ],
      temperature: 0.3,
      max_tokens: 100,
      tools,
    });
    console.log('tool call:', completion.choices[0].message.tool_calls[0].function.name);

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: PROMPT }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta?.content ?? '';
    console.log('streamed characters:', streamed.length);

    const response = await client.responses.create({
      model: 'gpt-4o-mini',
      input: PROMPT,
      instructions: SYSTEM,
    });
    console.log('response status:', response.status);
    const events = await client.responses.create({ model: 'gpt-4o-mini', input: PROMPT, stream: true });
    let count = 0;
    for await (const event of events) count += event.type ? 1 : 0;
    console.log('response events:', count);

    const embedding = await client.embeddings.create({ model: 'text-embedding-3-small', input: PROMPT });
    console.log('dimensions:', embedding.data[0].embedding.length);

    try {
      await client.chat.completions.create({
        model: 'missing-model',
        messages: [{ role: 'user', content: PROMPT }],
      });
    } catch (error) {
      console.log('caught status:', error.status);
    }
  });
  await Sentry.flush(5000);
}

main();
