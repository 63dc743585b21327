// The machine a run was made on, so that numbers from different runs are compared knowingly.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** CPU, memory, Node and OS of this run, and how busy the machine was when it started. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  loadAverage: string;
  date: string;
}

/** The 1, 5 and 15-minute load averages, e.g. "2.10 / 1.95 / 1.80". */
export function readLoadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** Reads the machine's description. */
export function describeMachine(): MachineInfo {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${osName()} (${type()} ${release()}, ${process.arch})`,
    loadAverage: readLoadAverage(),
    date: new Date().toISOString(),
  };
}

function osName(): string {
  try {
    const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    return match?.[1] ?? type();
  } catch {
    return type();
  }
}
