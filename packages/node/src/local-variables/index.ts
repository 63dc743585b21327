export { localVariablesIntegration, type LocalVariablesOptions } from './local-variables';
