export { captureCheckIn } from './capture-check-in';
export { monitor, type MonitorWrapper } from './monitor';
export { normalizeCrontab, type CrontabResult } from './normalize-crontab';
export { serializeMonitorConfig, type MonitorConfigResult } from './serialize-monitor-config';
export type {
  CheckIn,
  MonitorConfig,
  MonitorIntervalUnit,
  MonitorSchedule,
  SerializedCheckIn,
  SerializedMonitorConfig,
  WithMonitorOptions,
} from './types';
export { withMonitor } from './with-monitor';
