export { anrIntegration, type AnrOptions } from './anr';
