// Which diagnostics channels the running Node publishes. `diagnostics_channel.channel(name)` exists
// for any name, so availability is read from the version (Bun and Deno publish none of Node's).

function getNodeVersion(): [number, number] | undefined {
  if (process.versions['bun'] || process.versions['deno']) return undefined;
  const [major, minor] = (process.versions.node ?? '').split('.').map(Number);
  return major !== undefined && minor !== undefined ? [major, minor] : undefined;
}

function isAtLeast(version: [number, number] | undefined, major: number, minor: number): boolean {
  return version !== undefined && (version[0] > major || (version[0] === major && version[1] >= minor));
}

/** `http.server.request.start` (Node 14.17+): every supported Node has it. */
export function hasServerRequestChannel(): boolean {
  return isAtLeast(getNodeVersion(), 14, 17);
}

/** `http.client.request.start` (Node 18.7+), published once headers are already written. */
export function hasClientRequestStartChannel(): boolean {
  return isAtLeast(getNodeVersion(), 18, 7);
}

/**
 * `http.client.request.created` (Node 22.12+, 23.2+), published before headers are written: trace
 * headers can be added there, without wrapping `http.request`.
 */
export function hasClientRequestCreatedChannel(): boolean {
  const version = getNodeVersion();
  if (!version) return false;
  return version[0] === 22 ? version[1] >= 12 : isAtLeast(version, 23, 2);
}
