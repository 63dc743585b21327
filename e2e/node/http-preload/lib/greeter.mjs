// A tiny ES module that publishes no diagnostics channel: only a loader hook can patch it.
export function greet(name) {
  return `hello ${name}`;
}
