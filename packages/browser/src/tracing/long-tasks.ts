import { spanToJSON, type Span, type SpanAttributes } from '@sentry-sdk/core';
import { addTimedSpan, observeEntries, toRelativeMs } from './performance';

type LongAnimationFrame = PerformanceEntry & {
  blockingDuration?: number;
  scripts?: {
    invoker?: string;
    sourceURL?: string;
    sourceFunctionName?: string;
    sourceCharPosition?: number;
  }[];
};

function getFrameAttributes(frame: LongAnimationFrame): SpanAttributes {
  const script = frame.scripts?.[0];
  return {
    'browser.blocking_duration': frame.blockingDuration,
    'browser.script.invoker': script?.invoker,
    'browser.script.source_url': script?.sourceURL,
    'code.function': script?.sourceFunctionName || undefined,
    'browser.script.source_char_position': script?.sourceCharPosition,
  };
}

/**
 * Records main-thread blocking as spans of the page load or navigation in progress:
 * `ui.long-animation-frame` spans (with the script that ran longest) where the browser reports long
 * animation frames and `frames` is on, else `ui.long-task` spans when `tasks` is on. Returns the stop function.
 */
export function startLongTaskSpans(
  getRoute: () => Span | undefined,
  frames: boolean,
  tasks: boolean,
): () => void {
  const record = (entries: PerformanceEntry[], op: string): void => {
    const route = getRoute();
    if (!route?.isRecording()) return;
    const since = toRelativeMs(spanToJSON(route).start_timestamp);
    for (const entry of entries) {
      if (entry.startTime < since) continue;
      const attributes = op === 'ui.long-animation-frame' ? getFrameAttributes(entry) : {};
      const end = entry.startTime + entry.duration;
      addTimedSpan(route, op, 'Main UI thread blocked', entry.startTime, end, attributes);
    }
  };
  const observe = (type: string, op: string): (() => void) | undefined =>
    observeEntries(type, (entries) => record(entries, op));
  // long animation frames where the browser reports them, else long tasks
  return (
    (frames && observe('long-animation-frame', 'ui.long-animation-frame')) ||
    (tasks && observe('longtask', 'ui.long-task')) ||
    (() => undefined)
  );
}
