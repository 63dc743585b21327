// The calls both subjects make with the `ai` package: a two-step generateText with a tool,
// streamText, embed, and a failing call. `telemetry` is what each call passes as experimental_telemetry.
const PROMPT = 'SECRET-PROMPT: what is the weather in Paris?';

async function runScenario(ai, provider, telemetry) {
  const { generateText, streamText, embed, tool, jsonSchema, stepCountIs } = ai;
  const result = await generateText({
    model: provider.chat('gpt-4o-mini'),
    system: 'SECRET-SYSTEM: answer briefly',
    prompt: PROMPT,
    temperature: 0.2,
    tools: {
      get_weather: tool({
        description: 'The current weather of a city',
        inputSchema: jsonSchema({
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
        }),
        execute: async ({ city }) => ({ city, forecast: 'SECRET-TOOL-RESULT: sunny' }),
      }),
    },
    stopWhen: stepCountIs(3),
    experimental_telemetry: telemetry('weather-agent'),
  });
  console.log('steps:', result.steps.length);

  const stream = streamText({
    model: provider.chat('gpt-4o-mini'),
    prompt: PROMPT,
    experimental_telemetry: telemetry(),
  });
  let characters = 0;
  for await (const text of stream.textStream) characters += text.length;
  console.log('streamed characters:', characters);

  const { embedding } = await embed({
    model: provider.embedding('text-embedding-3-small'),
    value: PROMPT,
    experimental_telemetry: telemetry(),
  });
  console.log('dimensions:', embedding.length);

  try {
    await generateText({
      model: provider.chat('missing-model'),
      prompt: PROMPT,
      maxRetries: 0,
      experimental_telemetry: telemetry(),
    });
  } catch (error) {
    console.log('caught:', error.statusCode);
  }
}

module.exports = { runScenario };
