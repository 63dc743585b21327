export { aiTrack, type AiTrackOptions, type AiTracker } from './ai-track';
export { instrumentAnthropicAiClient, instrumentAnthropicAiModule } from './anthropic';
export { getAiPipelineName, setAiPipelineName } from '../tracing';
export { BLOB_SUBSTITUTE, MAX_MESSAGES_LENGTH } from './gen-ai-content';
export { instrumentOpenAiClient, instrumentOpenAiModule } from './openai';
export { getTokenUsageAttributes, recordTokenUsage, type TokenUsage } from './record-token-usage';
export { readRecordingOptions, type AiRecordingOptions } from './recording-options';
export {
  createVercelAiTelemetry,
  createVercelAiTracer,
  VERCEL_AI_FUNCTIONS,
  VERCEL_AI_ORIGIN,
  wrapVercelAiFunction,
  type VercelAiSpan,
  type VercelAiTelemetryOptions,
  type VercelAiTelemetrySettings,
  type VercelAiTracer,
} from './vercel';
