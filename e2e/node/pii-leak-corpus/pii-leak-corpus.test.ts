// The sendDefaultPii leak corpus: one request through every Node integration (HTTP server and
// client, fetch, Express, console breadcrumbs and logs, structured logs, crons, request data, local
// variables, PostgreSQL, OpenAI), with canary values wherever personal data or secrets hide. No
// canary may appear in any envelope item with sendDefaultPii off; secrets never appear at all.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { startFakeLlm, type FakeLlm } from '../ai-lib/fake-llm';
import { requireService, SERVICES } from '../db-lib/services';
import { runSubject, type SubjectResult } from '../runtime-lib/run-subject';

const canaries = createRequire(import.meta.url)('./canaries.json') as {
  never: Record<string, string>;
  piiOnly: Record<string, string>;
};

type Json = Record<string, any>;

interface CorpusRun {
  result: SubjectResult;
  /** Each envelope item as the ingest server received it: type and JSON text. */
  items: { type: string; text: string; payload: Json }[];
}

async function runCorpus(pii: boolean): Promise<CorpusRun> {
  let ingest: IngestServer | undefined;
  let llm: FakeLlm | undefined;
  try {
    [ingest, llm] = await Promise.all([startIngestServer(), startFakeLlm()]);
    const result = await runSubject(join(import.meta.dirname, 'subject.cjs'), ingest, {
      env: { PII: pii ? '1' : '0', LLM_URL: llm.url },
      timeoutMs: 60_000,
    });
    expect(ingest.rejected).toEqual([]);
    const items = ingest.received.flatMap(({ envelope }) =>
      envelope[1].map(([headers, payload]) => ({
        type: String(headers.type),
        text: typeof payload === 'string' ? payload : JSON.stringify(payload),
        payload: payload as Json,
      })),
    );
    return { result, items };
  } finally {
    await Promise.all([ingest?.close(), llm?.close()]);
  }
}

/** The canaries found in the items, by name, with the item types they were found in. */
function leaks(run: CorpusRun, values: Record<string, string>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    const types = run.items.filter((item) => item.text.includes(value)).map((item) => item.type);
    if (types.length) found[name] = [...new Set(types)];
  }
  return found;
}

const payloads = (run: CorpusRun, type: string): Json[] =>
  run.items.filter((item) => item.type === type).map((item) => item.payload);

describe('the sendDefaultPii leak corpus (built Node package, real services)', () => {
  let off: CorpusRun;
  let on: CorpusRun;

  beforeAll(async () => {
    await requireService(SERVICES.postgres);
    off = await runCorpus(false);
    on = await runCorpus(true);
  }, 180_000);
  afterAll(() => undefined);

  it('runs every integration: the corpus reaches each kind of item', () => {
    for (const run of [off, on]) {
      expect(run.result.code, run.result.stderr).toBe(0);
      expect(run.result.stdout).toContain('CORPUS done');
      const [error] = payloads(run, 'event');
      expect(error?.['exception'].values[0].mechanism.type).toMatch(/express/);
      const frame = error?.['exception'].values[0].stacktrace.frames.at(-1);
      expect(frame?.vars).toBeDefined();
      const transaction = payloads(run, 'transaction').find((event) => /checkout/.test(event['transaction']));
      const ops = (transaction?.['spans'] ?? []).map((span: Json) => span['op'] as string);
      expect(ops).toEqual(expect.arrayContaining(['http.client', 'db', expect.stringMatching(/^gen_ai\./)]));
      const categories = (error?.['breadcrumbs']?.values ?? []).map((crumb: Json) => crumb['category']);
      expect(categories).toEqual(expect.arrayContaining(['console', 'http', 'auth']));
      expect(payloads(run, 'log').flatMap((container) => container['items'])).not.toHaveLength(0);
      expect(payloads(run, 'check_in')).toHaveLength(2);
      for (const event of [...payloads(run, 'event'), ...payloads(run, 'transaction')])
        assertValidEvent(event);
    }
  });

  it('sends no personal data and no secret in any item with sendDefaultPii off', () => {
    expect(leaks(off, { ...canaries.never, ...canaries.piiOnly })).toEqual({});
    const everything = off.items.map((item) => item.text).join('\n');
    expect(everything).not.toContain('ip_address');
    expect(everything).not.toContain('{{auto}}');
    for (const event of [...payloads(off, 'event'), ...payloads(off, 'transaction')]) {
      expect(event['user']?.email).toBeUndefined();
      expect(event['user']?.username).toBeUndefined();
      expect(event['request']?.cookies).toBeUndefined();
      expect(event['request']?.data).toBeUndefined();
    }
    const [error] = payloads(off, 'event');
    expect(error?.['request'].headers).toMatchObject({ authorization: '[Filtered]' });
  });

  it('sends the personal data the integrations collect with sendDefaultPii on, and still no secret', () => {
    expect(leaks(on, canaries.never)).toEqual({});
    expect(Object.keys(leaks(on, canaries.piiOnly)).sort()).toEqual(Object.keys(canaries.piiOnly).sort());
    const [error] = payloads(on, 'event');
    expect(error?.['user']).toMatchObject({ ip_address: canaries.piiOnly['ip'] });
    expect(error?.['request'].cookies).toEqual({
      theme: canaries.piiOnly['plainCookie'],
      session: '[Filtered]',
    });
  });
});
