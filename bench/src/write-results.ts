// Assembles RESULTS.md: when and where, which versions, the goals, then each section.
import { writeFileSync } from 'node:fs';
import type { MachineInfo } from './machine';
import { table, type SectionReport } from './report';
import type { Sdks } from './sdks';

/** Everything RESULTS.md is made of. */
export interface RunSummary {
  machine: MachineInfo;
  sdks: Sdks;
  quick: boolean;
  command: string;
  seconds: number;
  sections: SectionReport[];
  skipped: string[];
  /** Load averages when the last section ended. */
  loadAverageEnd: string;
}

/** The Markdown of RESULTS.md. */
export function renderResults(run: RunSummary): string {
  const { machine, sdks } = run;
  const packages = [
    sdks.ours.core,
    sdks.ours.browser,
    sdks.ours.node,
    sdks.official.core,
    sdks.official.browser,
    sdks.official.node,
  ];
  const goals = run.sections.flatMap((s) => s.goals);
  const lines = [
    '# Benchmarks: this SDK side by side with the official Sentry SDKs',
    '',
    `Written by \`${run.command}\` on ${machine.date} in ${Math.round(run.seconds)} s` +
      `${run.quick ? ' (**quick smoke run**: fewer rounds, shorter windows; do not cite these numbers)' : ''}. ` +
      'Both SDKs are measured in the same run, alternating A and B. Every number below comes from that run; ' +
      'what cannot be measured yet says so. Goals are reported, never enforced.',
    '',
    '## Machine',
    '',
    ...table(
      ['', ''],
      [
        ['CPU', `${machine.cpu} × ${machine.cores}`],
        ['memory', `${machine.memoryGiB} GiB`],
        ['Node', machine.node],
        ['OS', machine.os],
        [
          'load average (1/5/15 min)',
          `${machine.loadAverage} at start, ${run.loadAverageEnd} at the end (other work shares this machine; compare ratios from one run rather than absolute numbers across runs)`,
        ],
      ],
    ),
    '',
    '## Versions',
    '',
    ...table(
      ['package', 'version', 'note'],
      packages.map((p) => [p.name, p.version, p.problem ?? '']),
    ),
    '',
    '## Goals',
    '',
    ...(goals.length
      ? table(
          ['goal', 'status', 'detail'],
          goals.map((g) => [g.goal, `**${g.status}**`, g.detail]),
        )
      : ['No section that judges a goal ran.']),
  ];
  if (run.skipped.length) lines.push('', `Sections not run this time: ${run.skipped.join(', ')}.`);
  for (const section of run.sections) lines.push('', `## ${section.title}`, '', ...section.lines);
  return `${lines.join('\n')}\n`;
}

/** Writes RESULTS.md and the raw numbers beside it. */
export function writeResults(file: string, rawFile: string, run: RunSummary): void {
  writeFileSync(file, renderResults(run));
  const raw = {
    ...run,
    sdks: undefined,
    sections: run.sections.map((s) => ({ id: s.id, goals: s.goals, data: s.data })),
  };
  writeFileSync(rawFile, `${JSON.stringify(raw, null, 2)}\n`);
}
