export { Client } from './client';
export { getIntegrationsToSetup } from './get-integrations-to-setup';
export { initAndBind, type ClientClass } from './init-and-bind';
export { DEFAULT_SDK_INFO, normalizeOptions } from './normalize-options';
export { CORE_OPTION_SPECS, type OptionSpec, type OptionSpecs } from './option-specs';
