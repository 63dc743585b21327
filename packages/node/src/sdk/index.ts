export { getDefaultIntegrations } from './get-default-integrations';
export { init } from './init';
