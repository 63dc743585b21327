/** Event and breadcrumb levels. `log` is accepted for familiarity and sent as `info` (Relay knows no `log`). */
export type SeverityLevel = 'fatal' | 'error' | 'warning' | 'log' | 'info' | 'debug';
