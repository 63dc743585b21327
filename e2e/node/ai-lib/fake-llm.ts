// Shared by the e2e/node/ai-* cases: a local stand-in for the OpenAI and Anthropic HTTP APIs on
// 127.0.0.1, answering in the shapes those APIs send (JSON bodies, SSE streams, error bodies), so
// the real `openai`, `@anthropic-ai/sdk` and `ai` packages run unchanged against it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The model name the fake answers with a 404 error, as both APIs do for unknown models. */
export const MISSING_MODEL = 'missing-model';
/** What every completion says: tests look for it to tell whether completions were recorded. */
export const COMPLETION_TEXT = 'SECRET-COMPLETION: sunny and 18 degrees';

export interface FakeLlm {
  url: string;
  /** The JSON bodies received, per path. */
  requests: { path: string; body: Record<string, any> }[];
  close: () => Promise<void>;
}

const CREATED = 1_777_890_030;

function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text ? (JSON.parse(text) as Record<string, any>) : {}));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_fake' });
  res.end(JSON.stringify(body));
}

/** Writes `events` as one SSE response: `data:` lines (and `event:` lines when named), then the end. */
function sendSse(res: ServerResponse, events: { event?: string; data: unknown }[], done = false): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const { event, data } of events) {
    res.write(
      `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`,
    );
  }
  if (done) res.write('data: [DONE]\n\n');
  res.end();
}

/** A chat request that offers tools and has no tool result yet answers with a tool call. */
function wantsToolCall(body: Record<string, any>): boolean {
  const messages = (body['messages'] ?? []) as { role?: string }[];
  return Array.isArray(body['tools']) && body['tools'].length > 0 && !messages.some((m) => m.role === 'tool');
}

// ---- OpenAI: chat completions -------------------------------------------------------------

function chatCompletion(body: Record<string, any>): unknown {
  const tool = wantsToolCall(body);
  return {
    id: 'chatcmpl-fake1',
    object: 'chat.completion',
    created: CREATED,
    model: 'gpt-4o-mini-2024-07-18',
    system_fingerprint: 'fp_fake',
    choices: [
      {
        index: 0,
        message: tool
          ? {
              role: 'assistant',
              content: null,
              refusal: null,
              tool_calls: [
                {
                  id: 'call_weather1',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
                },
              ],
            }
          : { role: 'assistant', content: COMPLETION_TEXT, refusal: null },
        logprobs: null,
        finish_reason: tool ? 'tool_calls' : 'stop',
      },
    ],
    usage: {
      prompt_tokens: 42,
      completion_tokens: 17,
      total_tokens: 59,
      prompt_tokens_details: { cached_tokens: 10, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 5, audio_tokens: 0 },
    },
  };
}

function chatChunks(body: Record<string, any>): { data: Record<string, unknown> }[] {
  const base = {
    id: 'chatcmpl-fake2',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: 'gpt-4o-mini-2024-07-18',
    system_fingerprint: 'fp_fake',
  };
  const chunk = (delta: unknown, finish: string | null = null) => ({
    data: { ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] },
  });
  const tool = wantsToolCall(body);
  const chunks: { data: Record<string, unknown> }[] = tool
    ? [
        chunk({
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              index: 0,
              id: 'call_weather2',
              type: 'function',
              function: { name: 'get_weather', arguments: '' },
            },
          ],
        }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
        chunk({}, 'tool_calls'),
      ]
    : [
        chunk({ role: 'assistant', content: '' }),
        ...COMPLETION_TEXT.split(/(?<= )/).map((word) => chunk({ content: word })),
        chunk({}, 'stop'),
      ];
  if (body['stream_options']?.include_usage)
    chunks.push({
      data: { ...base, choices: [], usage: { prompt_tokens: 30, completion_tokens: 9, total_tokens: 39 } },
    });
  return chunks;
}

// ---- OpenAI: responses ----------------------------------------------------------------------

function response(status = 'completed'): Record<string, unknown> {
  return {
    id: 'resp_fake1',
    object: 'response',
    created_at: CREATED,
    status,
    model: 'gpt-4o-mini-2024-07-18',
    output:
      status === 'completed'
        ? [
            {
              type: 'message',
              id: 'msg_fake1',
              status: 'completed',
              role: 'assistant',
              content: [{ type: 'output_text', text: COMPLETION_TEXT, annotations: [] }],
            },
          ]
        : [],
    usage:
      status === 'completed'
        ? {
            input_tokens: 25,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: 11,
            output_tokens_details: { reasoning_tokens: 3 },
            total_tokens: 36,
          }
        : null,
  };
}

function responseEvents(): { event: string; data: unknown }[] {
  const events: { event: string; data: Record<string, unknown> }[] = [
    { event: 'response.created', data: { type: 'response.created', response: response('in_progress') } },
    ...COMPLETION_TEXT.split(/(?<= )/).map((delta) => ({
      event: 'response.output_text.delta',
      data: {
        type: 'response.output_text.delta',
        item_id: 'msg_fake1',
        output_index: 0,
        content_index: 0,
        delta,
      },
    })),
    { event: 'response.completed', data: { type: 'response.completed', response: response() } },
  ];
  return events.map(({ event, data }, index) => ({ event, data: { ...data, sequence_number: index } }));
}

// ---- OpenAI: embeddings ---------------------------------------------------------------------

function embeddings(body: Record<string, any>): unknown {
  const inputs = Array.isArray(body['input']) ? body['input'] : [body['input']];
  const vector = [0.25, -0.5, 0.125];
  const encoded = Buffer.from(new Float32Array(vector).buffer).toString('base64');
  return {
    object: 'list',
    data: inputs.map((_input, index) => ({
      object: 'embedding',
      index,
      embedding: body['encoding_format'] === 'base64' ? encoded : vector,
    })),
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 8, total_tokens: 8 },
  };
}

// ---- Anthropic: messages ------------------------------------------------------------------

function anthropicWantsTool(body: Record<string, any>): boolean {
  const messages = (body['messages'] ?? []) as { content?: unknown }[];
  const hasResult = messages.some(
    (m) =>
      Array.isArray(m.content) &&
      (m.content as { type?: string }[]).some((part) => part.type === 'tool_result'),
  );
  return Array.isArray(body['tools']) && body['tools'].length > 0 && !hasResult;
}

function anthropicMessage(body: Record<string, any>): unknown {
  const tool = anthropicWantsTool(body);
  return {
    id: 'msg_01FakeAnthropic',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: tool
      ? [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'toolu_01Fake', name: 'get_weather', input: { city: 'Paris' } },
        ]
      : [{ type: 'text', text: COMPLETION_TEXT }],
    stop_reason: tool ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: 50,
      cache_creation_input_tokens: 4,
      cache_read_input_tokens: 6,
      output_tokens: 21,
    },
  };
}

function anthropicEvents(body: Record<string, any>): { event: string; data: unknown }[] {
  const tool = anthropicWantsTool(body);
  const events: { event: string; data: unknown }[] = [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          id: 'msg_01FakeStream',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5-20250929',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: 30,
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
            output_tokens: 1,
          },
        },
      },
    },
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    ...COMPLETION_TEXT.split(/(?<= )/).map((text) => ({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
  ];
  if (tool)
    events.push(
      {
        event: 'content_block_start',
        data: {
          type: 'content_block_start',
          index: 1,
          content_block: { type: 'tool_use', id: 'toolu_01Stream', name: 'get_weather', input: {} },
        },
      },
      {
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index: 1,
          delta: { type: 'input_json_delta', partial_json: '{"city": ' },
        },
      },
      {
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index: 1,
          delta: { type: 'input_json_delta', partial_json: '"Paris"}' },
        },
      },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
    );
  events.push(
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: tool ? 'tool_use' : 'end_turn', stop_sequence: null },
        usage: { output_tokens: 15 },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  );
  return events;
}

// ---- routing ------------------------------------------------------------------------------

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  requests: FakeLlm['requests'],
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const body = await readBody(req);
  requests.push({ path, body });
  const missing = body['model'] === MISSING_MODEL;
  switch (path) {
    case '/v1/chat/completions':
      if (missing)
        return sendJson(res, 404, {
          error: {
            message: `The model \`${MISSING_MODEL}\` does not exist`,
            type: 'invalid_request_error',
            param: null,
            code: 'model_not_found',
          },
        });
      return body['stream'] ? sendSse(res, chatChunks(body), true) : sendJson(res, 200, chatCompletion(body));
    case '/v1/responses':
      return body['stream'] ? sendSse(res, responseEvents()) : sendJson(res, 200, response());
    case '/v1/embeddings':
      return sendJson(res, 200, embeddings(body));
    case '/v1/messages':
      if (missing)
        return sendJson(res, 404, {
          type: 'error',
          error: { type: 'not_found_error', message: `model: ${MISSING_MODEL}` },
        });
      return body['stream']
        ? sendSse(res, anthropicEvents(body))
        : sendJson(res, 200, anthropicMessage(body));
    default:
      return sendJson(res, 404, { error: { message: `no route ${path}` } });
  }
}

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export function startFakeLlm(): Promise<FakeLlm> {
  const requests: FakeLlm['requests'] = [];
  const server = createServer((req, res) => {
    handle(req, res, requests).catch((error: unknown) =>
      sendJson(res, 500, { error: { message: String(error) } }),
    );
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
