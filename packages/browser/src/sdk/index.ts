export { BROWSER_SDK_NAME, BrowserClient, type BrowserClientOptions } from './browser-client';
export { getDefaultIntegrations } from './get-default-integrations';
export { init, type BrowserOptions } from './init';
export { getRuntimeEnvironment, type RuntimeEnvironment } from './runtime-environment';
