import { addBreadcrumb, captureMessage, withScope } from '@sentry-sdk/core';
import { remainingMs } from './get-lambda-contexts';
import type { LambdaContext } from './lambda-types';

/**
 * Schedules a warning for `limitMs` before Lambda's timeout: a breadcrumb, and a warning event
 * ("Possible function timeout") that reaches Sentry even when the function is then killed. Returns
 * the function that cancels it once the handler is done.
 */
export function startTimeoutWarning(context: LambdaContext, limitMs: number): () => void {
  const remaining = remainingMs(context);
  if (remaining === undefined) return () => undefined;
  const delay = Math.max(remaining - limitMs, 0);
  const timer = setTimeout(() => {
    const configured = Math.round(remaining / 1000);
    const message = `Possible function timeout: ${context.functionName} has ${limitMs} ms left of about ${configured} s`;
    addBreadcrumb({ category: 'aws.lambda', level: 'warning', message });
    withScope((scope) => {
      scope.setTag('timeout', `${configured}s`);
      captureMessage(message, 'warning');
    });
  }, delay);
  // the invocation itself keeps the process busy; the warning must not hold a finished one
  timer.unref();
  return () => clearTimeout(timer);
}
