export function loadConfig(raw) {
  const port = Number(raw.port);
  if (Number.isNaN(port)) {
    throw new TypeError(`port must be a number, got ${raw.port}`);
  }
  return { port };
}
