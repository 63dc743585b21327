import { assertValidEvent } from '@sentry-sdk/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { SPANTEMPLATE } from '../lib';
import { getActiveSpan } from './active-span';
import { setMeasurement, setTransactionName, updateCurrentSpan } from './current-span-helpers';
import { getCurrentScope, getIsolationScope } from '../scope';
import { spanToJSON } from './span-to-json';
import { startSpan } from './start-span';
import { setUpTestClient, type TestClient } from './test-client.test-helper';
import { trace } from './trace';

let client: TestClient;
beforeEach(() => {
  client = setUpTestClient({ tracesSampleRate: 1 });
});

const spansOf = (index = 0) => client.transactions()[index]!.spans as Record<string, any>[];

describe('trace(fn)', () => {
  it('keeps this, arguments and the return value, and runs each call in a span', () => {
    const counter = {
      base: 10,
      add: trace(function add(this: { base: number }, a: number, b: number) {
        return this.base + a + b;
      }),
    };
    expect(counter.add.name).toBe('add');
    const result = startSpan({ name: 'root' }, () => counter.add(1, 2));
    expect(result).toBe(13);
    expect(spansOf()[0]).toMatchObject({ description: 'add', op: 'function' });
  });

  it('ends async work when the promise settles and marks rejections', async () => {
    const load = trace(
      async (id: string) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (id === 'bad') throw new Error('not found');
        return { id };
      },
      { name: 'load user', op: 'db.query', attributes: { table: 'users' } },
    );
    await startSpan({ name: 'root' }, async () => {
      await expect(load('1')).resolves.toEqual({ id: '1' });
      await expect(load('bad')).rejects.toThrow('not found');
    });
    const [ok, failed] = spansOf();
    expect(ok).toMatchObject({ description: 'load user', op: 'db.query', data: { table: 'users' } });
    expect(ok!['status']).toBeUndefined();
    expect(failed!['status']).toBe('internal_error');
    expect(ok!['timestamp'] - ok!['start_timestamp']).toBeGreaterThan(0.001);
  });

  it('a traced function called with no active span becomes its own transaction', () => {
    trace(function job() {})();
    assertValidEvent(client.transactions()[0]);
    expect(client.transactions()[0]!.transaction).toBe('job');
  });
});

describe('@trace on class methods (stage-3 decorators)', () => {
  class Checkout {
    public total = 5;

    @trace
    public bare(): number {
      return this.total;
    }

    @trace()
    public async called(extra: number): Promise<number> {
      await Promise.resolve();
      return this.total + extra;
    }

    @trace({ op: 'checkout.pay', name: 'pay' })
    public withOptions(): string {
      return 'paid';
    }

    @trace()
    public static create(): Checkout {
      return new Checkout();
    }
  }

  it('supports @trace, @trace() and @trace(options), naming spans Class.method (the runtime class name)', async () => {
    await startSpan({ name: 'root' }, async () => {
      const checkout = Checkout.create();
      expect(checkout.bare()).toBe(5);
      expect(await checkout.called(2)).toBe(7);
      expect(checkout.withOptions()).toBe('paid');
    });
    // a transpiler may rename the class binding (esbuild: `_Checkout`); the span uses the runtime name
    expect(Checkout.name).toMatch(/Checkout$/);
    expect(spansOf().map((s) => [s['description'], s['op']])).toEqual([
      [`${Checkout.name}.create`, 'function'],
      [`${Checkout.name}.bare`, 'function'],
      [`${Checkout.name}.called`, 'function'],
      ['pay', 'checkout.pay'],
    ]);
  });
});

describe('span templates (protocol.md §12)', () => {
  it('ai_chat: op gen_ai.chat, name from the model argument, request params and token usage', async () => {
    const chat = trace(
      (request: { model: string; temperature: number; prompt: string }) =>
        Promise.resolve({
          model: `${request.model}-2025`,
          usage: { prompt_tokens: 12, completion_tokens: 30 },
        }),
      { template: SPANTEMPLATE.AI_CHAT },
    );
    await startSpan({ name: 'root' }, () =>
      chat({ model: 'gpt-4o-mini', temperature: 0.2, prompt: 'secret' }),
    );
    const [span] = spansOf();
    expect(span).toMatchObject({ op: 'gen_ai.chat', description: 'chat gpt-4o-mini' });
    expect(span!['data']).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.response.model': 'gpt-4o-mini-2025',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 30,
      'gen_ai.usage.total_tokens': 42,
    });
    expect(span!['data']).not.toHaveProperty('gen_ai.request.messages'); // PII off by default
  });

  it('reads top-level token counts, keeps a reported total and leaves attributes the result does not give', () => {
    const chat = trace(() => ({ input_tokens: 5, output_tokens: 6, total_tokens: 20 }), {
      template: SPANTEMPLATE.AI_CHAT,
      attributes: { 'gen_ai.response.model': 'set-by-caller' },
    });
    startSpan({ name: 'root' }, () => chat());
    expect(spansOf()[0]!['data']).toMatchObject({
      'gen_ai.usage.input_tokens': 5,
      'gen_ai.usage.output_tokens': 6,
      'gen_ai.usage.total_tokens': 20,
      'gen_ai.response.model': 'set-by-caller',
    });
  });

  it('a template that is not an AI template (even an Object.prototype name) gives a plain function span', () => {
    const fn = trace(
      function plain() {
        return { usage: { input_tokens: 1 } };
      },
      { template: 'toString' as never },
    );
    startSpan({ name: 'root' }, () => fn());
    const [span] = spansOf();
    expect(span).toMatchObject({ op: 'function', description: 'plain' });
    expect(span!['data']).not.toHaveProperty('gen_ai.usage.input_tokens');
  });

  it('ai_agent and ai_tool name the span after the function; tool input/output only with sendDefaultPii', () => {
    client = setUpTestClient({ tracesSampleRate: 1, sendDefaultPii: true });
    const agent = trace(
      function weatherAgent() {
        return tool({ city: 'Oslo' });
      },
      { template: SPANTEMPLATE.AI_AGENT },
    );
    const tool = trace(
      function getWeather(args: { city: string }) {
        return `sunny in ${args.city}`;
      },
      { template: SPANTEMPLATE.AI_TOOL },
    );
    startSpan({ name: 'root' }, () => agent());
    const [agentSpan, toolSpan] = spansOf();
    expect(agentSpan).toMatchObject({
      op: 'gen_ai.invoke_agent',
      description: 'invoke_agent weatherAgent',
      data: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'weatherAgent' },
    });
    expect(toolSpan).toMatchObject({
      op: 'gen_ai.execute_tool',
      description: 'execute_tool getWeather',
      parent_span_id: agentSpan!['span_id'],
      data: {
        'gen_ai.tool.name': 'getWeather',
        'gen_ai.tool.input': '[{"city":"Oslo"}]',
        'gen_ai.tool.output': 'sunny in Oslo',
      },
    });
  });
});

describe('current span helpers', () => {
  it('setMeasurement records on the active root span', () => {
    startSpan({ name: 'root' }, () => {
      startSpan({ name: 'child' }, () => {
        setMeasurement('memory.used', 1024, 'byte');
        setMeasurement('items', 3);
      });
    });
    const [event] = client.transactions();
    assertValidEvent(event);
    expect(event!.measurements).toEqual({
      'memory.used': { value: 1024, unit: 'byte' },
      items: { value: 3, unit: '' },
    });
  });

  it('setTransactionName renames the root span and the scopes, with the source', () => {
    startSpan({ name: '/users/42' }, () => {
      startSpan({ name: 'child' }, () => {
        setTransactionName('GET /users/:id', 'route');
        expect(getCurrentScope().getScopeData().transactionName).toBe('GET /users/:id');
      });
    });
    expect(getIsolationScope().getScopeData()).toMatchObject({
      transactionName: 'GET /users/:id',
      transactionSource: 'route',
    });
    expect(client.transactions()[0]).toMatchObject({
      transaction: 'GET /users/:id',
      transaction_info: { source: 'route' },
    });
  });

  it('updateCurrentSpan changes op, name and attributes of the active span', () => {
    startSpan({ name: 'root' }, () => {
      startSpan({ name: 'before', op: 'function' }, () => {
        updateCurrentSpan({ op: 'db.query', name: 'after', attributes: { rows: 2 } });
        expect(spanToJSON(getActiveSpan()!)).toMatchObject({
          op: 'db.query',
          description: 'after',
          data: { rows: 2 },
        });
      });
    });
    expect(spansOf()[0]).toMatchObject({ op: 'db.query', description: 'after' });
  });
});
