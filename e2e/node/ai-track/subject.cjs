// Three AI pipelines run at once (their steps interleave), then a synchronous one: each must keep its
// own pipeline name in every span and every getAiPipelineName() call.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', release: 'e2e@1.0.0' });

const { OpenAI } = require('openai');

const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${process.env.LLM_URL}/v1`, maxRetries: 0 });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seen = [];
const note = (label) => seen.push([label, Sentry.getAiPipelineName() ?? null]);

// synchronous steps, nested
const tokenize = Sentry.aiTrack('tokenize')((text) => {
  note('tokenize');
  return text.split(' ');
});
const normalize = Sentry.aiTrack('normalize')((text) => {
  note('normalize');
  return tokenize(text.toLowerCase());
});

// asynchronous steps
const retrieve = Sentry.aiTrack('retrieve')(async (name, delay) => {
  await pause(delay);
  note(`retrieve ${name}`);
  return normalize(`Documents About ${name}`);
});
const askModel = Sentry.aiTrack('ask model')((name) =>
  client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: name }] }),
);

function runPipeline(name, delays, failure) {
  return Sentry.aiTrack(name)(async () => {
    const documents = await retrieve(name, delays[0]);
    await pause(delays[1]);
    const completion = await askModel(name);
    Sentry.startSpan({ name: 'score answer', op: 'gen_ai.chat' }, (span) =>
      Sentry.recordTokenUsage(span, { inputTokens: documents.length, outputTokens: 1 }),
    );
    note(`end ${name}`);
    if (failure) throw new Error(failure);
    return completion.choices.length;
  })();
}

async function main() {
  const settled = await Promise.allSettled([
    runPipeline('pipeline-a', [40, 5]),
    runPipeline('pipeline-b', [5, 40]),
    runPipeline('pipeline-c', [20, 20], 'pipeline-c could not answer'),
  ]);
  const words = Sentry.aiTrack('sync-pipeline')(() => normalize('Sync Pipeline Text'))();
  note('outside');
  console.log(JSON.stringify({ seen, settled: settled.map((result) => result.status), words: words.length }));
  await Sentry.flush(5000);
}

main();
