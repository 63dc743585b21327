/**
 * The job's name, which is the monitor slug of its check-ins. Without one the job could not be
 * monitored, so the instrumented scheduler refuses it at once, where the job is defined, rather
 * than running it silently unmonitored.
 */
export function requireJobName(caller: string, name: unknown, where: string): string {
  if (typeof name === 'string' && name.trim()) return name;
  throw new TypeError(`${caller}: ${where} is required: it names the cron monitor the job checks in to.`);
}
