import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getCurrentScope } from '../scope';
import type { ClientOptions, Integration, Transport } from '../types';
import { Client } from './client';
import { getIntegrationsToSetup } from './get-integrations-to-setup';
import { initAndBind } from './init-and-bind';

const DSN = 'https://ab12cd34ef56ab12cd34ef56ab12cd34@ingest.example.org/4711';
const transport = (): Transport => ({
  send: () => Promise.resolve({ statusCode: 200 }),
  flush: () => Promise.resolve(true),
});

let unique = 0;
/** An integration with a name no other test uses (setupOnce is per process) that logs its hooks. */
function trackedIntegration(log: string[], label = 'I'): Integration {
  unique += 1;
  const name = `${label}${unique}`;
  return {
    name,
    setupOnce: () => void log.push(`${name}.setupOnce`),
    setup: (client) => void log.push(`${name}.setup(${client.getOptions().release})`),
    afterAllSetup: (client) => void log.push(`${name}.afterAllSetup(${client.getOptions().release})`),
  };
}

function options(integrations: Integration[], extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    dsn: DSN,
    integrations,
    stackParser: () => [],
    transport,
    sdk: { name: 'acme.javascript.test', version: '1.0.0' },
    platform: 'node',
    sendClientReports: false,
    ...extra,
  };
}

beforeEach(() => getCurrentScope().setClient(undefined));
afterEach(() => getCurrentScope().setClient(undefined));

describe('integration setup', () => {
  it('runs setupOnce once per process, setup and afterAllSetup once per client, afterAllSetup after every setup', () => {
    const log: string[] = [];
    const a = trackedIntegration(log);
    const b = trackedIntegration(log);
    const first = new Client(options([a, b], { release: 'one' }));
    first.setupIntegrations();
    first.setupIntegrations();
    new Client(options([a], { release: 'two' })).setupIntegrations();
    expect(log).toEqual([
      `${a.name}.setupOnce`,
      `${a.name}.setup(one)`,
      `${b.name}.setupOnce`,
      `${b.name}.setup(one)`,
      `${a.name}.afterAllSetup(one)`,
      `${b.name}.afterAllSetup(one)`,
      `${a.name}.setup(two)`,
      `${a.name}.afterAllSetup(two)`,
    ]);
    expect(first.getIntegrationByName(a.name)).toBe(a);
    expect(first.getIntegrationByName('Missing')).toBeUndefined();
  });

  it('keeps going when an integration hook throws', () => {
    const log: string[] = [];
    const broken: Integration = {
      name: `Broken${++unique}`,
      setupOnce() {
        throw new Error('once');
      },
      setup() {
        throw new Error('setup');
      },
    };
    const fine = trackedIntegration(log);
    const client = new Client(options([broken, fine]));
    expect(() => client.setupIntegrations()).not.toThrow();
    expect(log).toHaveLength(3);
    expect(client.getIntegrationByName(broken.name)).toBe(broken);
  });

  it('installs nothing on a disabled client', () => {
    const log: string[] = [];
    const client = new Client(options([trackedIntegration(log)], { enabled: false }));
    client.setupIntegrations();
    expect(log).toEqual([]);
  });

  it('addIntegration installs after init and skips a name already installed', () => {
    const log: string[] = [];
    const client = initAndBind(Client, options([], { release: 'r' }));
    const late = trackedIntegration(log);
    client.addIntegration(late);
    client.addIntegration({ ...late, setup: () => void log.push('second copy') });
    expect(log).toEqual([`${late.name}.setupOnce`, `${late.name}.setup(r)`, `${late.name}.afterAllSetup(r)`]);
    expect(client.getIntegrationByName(late.name)).toBe(late);
  });

  it('initAndBind installs the integrations, later ones of a name replacing earlier ones', () => {
    const log: string[] = [];
    const name = `Same${++unique}`;
    const early: Integration = { name, setup: () => void log.push('early') };
    const late: Integration = { name, setup: () => void log.push('late') };
    const client = initAndBind(Client, options([early, late]));
    expect(log).toEqual(['late']);
    expect(client.getIntegrationByName(name)).toBe(late);
  });
});

describe('getIntegrationsToSetup', () => {
  const defaults: Integration[] = [{ name: 'InboundFilters' }, { name: 'Dedupe' }, { name: 'LinkedErrors' }];

  it('uses the defaults when nothing is given', () => {
    expect(getIntegrationsToSetup({}, defaults)).toEqual(defaults);
  });

  it('merges an array over the defaults by name, keeping the default’s position', () => {
    const dedupe = { name: 'Dedupe', custom: true } as Integration;
    const extra = { name: 'Extra' };
    const result = getIntegrationsToSetup({ integrations: [extra, dedupe] }, defaults);
    expect(result.map((i) => i.name)).toEqual(['InboundFilters', 'Dedupe', 'LinkedErrors', 'Extra']);
    expect(result[1]).toBe(dedupe);
  });

  it('passes the defaults to a function and uses what it returns', () => {
    const seen: string[][] = [];
    const result = getIntegrationsToSetup(
      {
        integrations: (given) => {
          seen.push(given.map((i) => i.name));
          return given.filter((i) => i.name !== 'Dedupe');
        },
      },
      defaults,
    );
    expect(seen).toEqual([['InboundFilters', 'Dedupe', 'LinkedErrors']]);
    expect(result.map((i) => i.name)).toEqual(['InboundFilters', 'LinkedErrors']);
  });

  it('falls back to the defaults when the function throws or returns no array', () => {
    expect(
      getIntegrationsToSetup(
        {
          integrations: () => {
            throw new Error('user bug');
          },
        },
        defaults,
      ),
    ).toEqual(defaults);
    expect(getIntegrationsToSetup({ integrations: (() => 'nope') as never }, defaults)).toEqual(defaults);
  });

  it('installs no defaults with defaultIntegrations: false, and an array replaces them', () => {
    const mine = { name: 'Mine' };
    expect(getIntegrationsToSetup({ defaultIntegrations: false, integrations: [mine] }, defaults)).toEqual([
      mine,
    ]);
    expect(getIntegrationsToSetup({ defaultIntegrations: false, integrations: (d) => d }, defaults)).toEqual(
      [],
    );
    expect(getIntegrationsToSetup({ defaultIntegrations: [mine] }, defaults)).toEqual([mine]);
  });

  it('leaves out entries that are not integrations', () => {
    const weird = [null, 42, { name: '' }, { name: 7 }, { name: 'Ok' }] as unknown as Integration[];
    expect(getIntegrationsToSetup({ integrations: weird, defaultIntegrations: false }, [])).toEqual([
      { name: 'Ok' },
    ]);
  });
});

describe('initAndBind', () => {
  it('binds the client to the current scope and applies initialScope', () => {
    const client = initAndBind(
      Client,
      options([], { initialScope: { tags: { region: 'eu' }, user: { id: 'u1' } } }),
    );
    expect(getCurrentScope().getClient()).toBe(client);
    expect(getCurrentScope().getScopeData()).toMatchObject({ tags: { region: 'eu' }, user: { id: 'u1' } });
    getCurrentScope().clear();
  });

  it('accepts initialScope as a function of the scope', () => {
    initAndBind(
      Client,
      options([], {
        initialScope: (scope: { setTag(k: string, v: string): void }) => scope.setTag('fn', 'yes'),
      }),
    );
    expect(getCurrentScope().getScopeData().tags).toEqual({ fn: 'yes' });
    getCurrentScope().clear();
  });

  it.each([
    ['no dsn', { dsn: undefined }],
    ['an invalid dsn', { dsn: 'https://missing-project@example.org' }],
    ['enabled: false', { enabled: false }],
  ])('with %s gives a client that captures nothing and never throws', async (_label, extra) => {
    const send = vi.fn(() => Promise.resolve({}));
    const factory = vi.fn(() => ({ send, flush: () => Promise.resolve(true) }));
    const log: string[] = [];
    const client = initAndBind(
      Client,
      options([trackedIntegration(log)], { ...extra, transport: factory }),
    );
    expect(client.isEnabled()).toBe(false);
    expect(client.captureException(new Error('x'))).toMatch(/^[0-9a-f]{32}$/);
    expect(client.captureMessage('m')).toMatch(/^[0-9a-f]{32}$/);
    expect(client.captureEvent({})).toMatch(/^[0-9a-f]{32}$/);
    await expect(client.flush(100)).resolves.toBe(true);
    await expect(client.close(100)).resolves.toBe(true);
    expect(send).not.toHaveBeenCalled();
    expect(log).toEqual([]);
  });

  it('replaces a client class whose constructor throws with a disabled client', () => {
    class Broken extends Client {
      public constructor(o: ClientOptions) {
        super(o);
        throw new Error('subclass bug');
      }
    }
    const client = initAndBind(Broken, options([]));
    expect(client.isEnabled()).toBe(false);
    expect(getCurrentScope().getClient()).toBe(client);
  });
});
