import { listen } from '../native';
import { createInstrumentation } from './create-instrumentation';

/** A click or key press on the page, seen before the page's own listeners. */
export interface DomInteraction {
  name: 'click' | 'keypress';
  event: Event;
}

/** Calls `handler` for every click and key press in the document (a no-op without a document). */
export const addDomHandler = createInstrumentation<DomInteraction>('DOM', (emit) => {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc) return;
  for (const name of ['click', 'keypress'] as const) {
    // Capture phase on the document: handlers that stop propagation cannot hide the interaction.
    listen(doc, name, (event: Event) => emit({ name, event }), { capture: true, passive: true });
  }
});
