import { getClient, type ClientLike as Client, type Span, type StartSpanOptions } from '@sentry-sdk/core';
import { addDomHandler } from '../instrument';
import { getComponentName, getElementSelector } from '../integrations';

/**
 * Starts a `ui.action.click` transaction for each click while no page load, navigation or earlier
 * click is in progress, named after the current route and carrying the clicked element (and its
 * `data-sentry-component` name). `startSpan` starts the idle span. Returns the stop function.
 */
export function startClickSpans(
  client: Client,
  getRoute: () => { name: string; source: string; span: Span | undefined },
  startSpan: (options: StartSpanOptions) => Span,
): () => void {
  let current: Span | undefined;
  return addDomHandler(({ name, event }) => {
    if (name !== 'click' || getClient() !== client) return;
    const route = getRoute();
    if (route.span?.isRecording() || current?.isRecording()) return;
    const component = getComponentName(event.target);
    current = startSpan({
      name: route.name,
      op: 'ui.action.click',
      attributes: {
        'sentry.origin': 'auto.ui.browser',
        'sentry.source': route.source,
        'ui.element': getElementSelector(event.target),
        ...(component && { 'ui.component_name': component }),
      },
    });
  });
}
