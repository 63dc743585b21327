export { CHROMIUM_PATH, getChromiumSkipReason, launchChromium } from './chromium';
export {
  startIngestServer,
  TEST_PROJECT_ID,
  TEST_PUBLIC_KEY,
  type IngestResponse,
  type IngestServer,
  type ReceivedEnvelope,
} from './ingest-server';
export { createRecordingTransport, type RecordingTransport } from './recording-transport';
export { EVENT_SCHEMA_PATH, hasSharedDir, REPO_ROOT, SHARED_DIR, SHARED_EVENT_SCHEMA_PATH } from './paths';
export { startStaticServer, type StaticServer, type StaticServerOptions } from './static-server';
export { assertValidEvent, getEventSchemaErrors } from './validate-event';
export { withCapturedEnvelopes, type CapturedEnvelopes } from './with-captured-envelopes';
