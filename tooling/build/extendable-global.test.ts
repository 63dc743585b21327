import { rollup } from 'rollup';
import { describe, expect, it } from 'vitest';
import { extendableGlobal } from './extendable-global.mjs';

const ENTRY = '\0entry';

async function buildIife(): Promise<string> {
  const build = await rollup({
    input: ENTRY,
    plugins: [
      { name: 'entry', resolveId: (id) => (id === ENTRY ? id : null), load: () => 'export const init = () => "sdk";' },
      extendableGlobal(),
    ],
  });
  const { output } = await build.generate({ format: 'iife', name: 'Sentry', extend: true });
  return output[0].code;
}

/** Runs the bundle as a classic script would, with `this` the global object holding `Sentry`. */
function runWithGlobal(code: string, existing: unknown): Record<string, any> {
  const global: Record<string, any> = { Sentry: existing };
  new Function(code).call(global);
  return global;
}

describe('the CDN bundles’ global', () => {
  it("extends the page's own object, keeping its members", async () => {
    const code = await buildIife();
    const own = { appName: 'shop' };
    const global = runWithGlobal(code, own);
    expect(global.Sentry).toBe(own);
    expect([global.Sentry.appName, global.Sentry.init()]).toEqual(['shop', 'sdk']);
  });

  it('starts from a fresh object when the existing value cannot take members, instead of throwing', async () => {
    const code = await buildIife();
    for (const existing of [undefined, 'not the SDK', 5, Object.freeze({ appName: 'shop' })]) {
      expect(runWithGlobal(code, existing).Sentry.init()).toBe('sdk');
    }
  });
});
