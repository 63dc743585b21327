export { instrumentCron } from './instrument-cron';
export { instrumentNodeCron } from './instrument-node-cron';
export { instrumentNodeSchedule } from './instrument-node-schedule';
