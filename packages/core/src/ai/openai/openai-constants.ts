/** The origin of the OpenAI instrumentation's spans and the mechanism of the errors it captures. */
export const OPENAI_ORIGIN = 'auto.ai.openai';

/** `gen_ai.provider.name` of OpenAI calls. */
export const OPENAI_PROVIDER = 'openai';
