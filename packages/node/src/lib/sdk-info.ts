import { VERSION } from '@sentry-sdk/core';

/**
 * The SDK's name on the wire, `entity.ecosystem.flavor` (protocol.md §5.1): the `sentry` entity is
 * reserved for the official SDKs.
 */
export const NODE_SDK_NAME = 'oss.javascript.node';

/** `sdk` of every event: name, version and the npm package it came from. */
export function getNodeSdkInfo(): {
  name: string;
  version: string;
  packages: { name: string; version: string }[];
} {
  return {
    name: NODE_SDK_NAME,
    version: VERSION,
    packages: [{ name: 'npm:@sentry-sdk/node', version: VERSION }],
  };
}
