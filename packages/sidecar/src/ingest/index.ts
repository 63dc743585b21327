export { ingestEnvelope, type IngestContext, type IngestLimits, type IngestResult } from './ingest-envelope';
export {
  createRateLimiter,
  parseRateLimits,
  type RateLimiter,
  type RateLimitRule,
  type RateLimitVerdict,
} from './rate-limiter';
export { readBody, type BodyResult } from './read-body';
export { readPublicKey } from './read-public-key';
