// Shared by the e2e/node/ai-* cases: a fresh ingest server and fake LLM for each test.
import { afterEach, beforeEach } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { startFakeLlm, type FakeLlm } from './fake-llm';

/** What the current test talks to. */
export interface AiServers {
  ingest: IngestServer;
  llm: FakeLlm;
}

/** Starts both servers before each test of the file and closes them after it. */
export function useAiServers(): AiServers {
  const servers = {} as AiServers;
  beforeEach(async () => {
    [servers.ingest, servers.llm] = await Promise.all([startIngestServer(), startFakeLlm()]);
  });
  afterEach(async () => {
    await Promise.all([servers.ingest.close(), servers.llm.close()]);
  });
  return servers;
}
