// What each section hands back to the runner: Markdown for RESULTS.md and the goals it can judge.

/** Met, not met, or not measurable yet because the feature does not exist in this SDK. */
export type GoalStatus = 'met' | 'not met' | 'not measured yet';

/** One of the goals issue 14 sets, judged from this run's numbers (never a reason to fail the run). */
export interface Goal {
  goal: string;
  status: GoalStatus;
  detail: string;
}

/** A section's contribution to RESULTS.md. */
export interface SectionReport {
  id: string;
  title: string;
  /** Markdown lines below the section heading. */
  lines: string[];
  goals: Goal[];
  /** Raw numbers, written to bench/.out/results.json for later comparison. */
  data?: unknown;
}

/** A Markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** The line RESULTS.md shows for something that cannot be measured yet. */
export function notMeasuredYet(what: string, reason: string): string {
  return `- ${what}: **not measured yet**: ${reason}`;
}

/** A goal judged from two numbers: met when `ok`; `not measured yet` when a number is missing. */
export function judge(goal: string, values: readonly number[], ok: () => boolean, detail: string): Goal {
  if (values.some((v) => !Number.isFinite(v))) return { goal, status: 'not measured yet', detail };
  return { goal, status: ok() ? 'met' : 'not met', detail };
}
