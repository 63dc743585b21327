import * as os from 'node:os';

/** Device facts that do not change while the process runs (protocol.md §5.7). */
export interface StaticDeviceContext {
  arch: string;
  boot_time: string;
  memory_size: number;
  processor_count?: number;
  cpu_description?: string;
  processor_frequency?: number;
}

/** The `device` context without `free_memory` (added per event): arch, boot time, memory, CPUs. */
export function getDeviceContext(options: { cpu: boolean; memory: boolean }): Partial<StaticDeviceContext> {
  const device: Partial<StaticDeviceContext> = {
    arch: os.arch(),
    boot_time: new Date(Date.now() - os.uptime() * 1000).toISOString(),
  };
  if (options.memory) device.memory_size = os.totalmem();
  if (options.cpu) {
    const cpus = os.cpus();
    const first = cpus[0];
    if (cpus.length) device.processor_count = cpus.length;
    if (first?.model) device.cpu_description = first.model;
    if (first?.speed) device.processor_frequency = first.speed;
  }
  return device;
}

/** When the process started, ISO 8601. */
export function getAppStartTime(): string {
  return new Date(Date.now() - process.uptime() * 1000).toISOString();
}

/** The `culture` context: the process's locale, time zone and calendar (`Intl`). */
export function getCultureContext(): { locale?: string; timezone?: string; calendar?: string } {
  try {
    const { locale, timeZone, calendar } = Intl.DateTimeFormat().resolvedOptions();
    return { locale, timezone: timeZone, calendar };
  } catch {
    return {};
  }
}
