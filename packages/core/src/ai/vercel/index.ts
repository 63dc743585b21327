export {
  createVercelAiTelemetry,
  type VercelAiTelemetryOptions,
  type VercelAiTelemetrySettings,
} from './create-vercel-ai-telemetry';
export {
  createVercelAiTracer,
  VERCEL_AI_ORIGIN,
  type VercelAiSpan,
  type VercelAiTracer,
} from './create-vercel-ai-tracer';
export { VERCEL_AI_FUNCTIONS, wrapVercelAiFunction } from './wrap-vercel-ai-function';
