'use strict';
// The transport both SDKs get in the micro and HTTP benches: it accepts every envelope, counts the
// events and spans in it and does nothing else, so that neither serialisation nor the network is
// measured. Spans are counted whether they arrive inside transactions or as span items (v2 streaming).

/** A transport factory and the counts of what was handed to it so far. */
function createCountingTransport() {
  const state = { envelopes: 0, events: 0, spans: 0 };
  const count = (header, payload) => {
    if (header.type === 'event') state.events++;
    if (header.type === 'transaction') {
      state.events++;
      state.spans += 1 + (Array.isArray(payload?.spans) ? payload.spans.length : 0);
    }
    if (header.type === 'span') state.spans += header.item_count ?? payload?.items?.length ?? 1;
  };
  const transport = () => ({
    send(envelope) {
      state.envelopes++;
      for (const [header, payload] of envelope[1] ?? []) count(header ?? {}, payload);
      return Promise.resolve({});
    },
    flush() {
      return Promise.resolve(true);
    },
  });
  return { state, transport };
}

/** Prints the line the bench runner parses. */
function report(result) {
  require('node:fs').writeSync(1, `BENCH_RESULT ${JSON.stringify(result)}\n`);
}

module.exports = { createCountingTransport, report };
