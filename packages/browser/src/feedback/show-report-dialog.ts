import { lastEventId } from '@sentry-sdk/core';
import { callGuarded, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { native } from '../native';
import { captureFeedback } from './capture-feedback';

/** What the report dialog says and whom it is about; every text can be replaced (e.g. translated). */
export interface ReportDialogOptions {
  /** The error the report is about; default the last event captured. */
  eventId?: string;
  /** Prefills the name and email fields. */
  user?: { name?: string; email?: string };
  title?: string;
  subtitle?: string;
  labelName?: string;
  labelEmail?: string;
  labelComments?: string;
  labelSubmit?: string;
  labelClose?: string;
  successMessage?: string;
  onLoad?: () => void;
  onClose?: () => void;
}

const TEXTS = {
  title: 'It looks like we’re having issues.',
  subtitle: 'Our team has been notified. If you’d like to help, tell us what happened below.',
  labelName: 'Name',
  labelEmail: 'Email',
  labelComments: 'What happened?',
  labelSubmit: 'Send report',
  labelClose: 'Close',
  successMessage: 'Your feedback has been sent. Thank you!',
};

let dialogs = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

function field(
  doc: Document,
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement,
): HTMLLabelElement {
  // A label around its control names it for assistive technology without ids.
  return element(doc, 'label', {}, [doc.createTextNode(label), element(doc, 'br'), control]);
}

function openDialog(options: ReportDialogOptions): void {
  const doc = (globalThis as { document?: Document }).document;
  const add = native.addEventListener;
  if (!doc?.body || !add) {
    DEBUG_BUILD && debug.warn('showReportDialog needs a page with a body; nothing was shown.');
    return;
  }
  const texts = { ...TEXTS, ...options };
  const eventId = options.eventId ?? lastEventId();
  const titleId = `sentry-report-dialog-title-${++dialogs}`;
  const name = element(doc, 'input', { name: 'name', autocomplete: 'name', value: options.user?.name ?? '' });
  const email = element(doc, 'input', {
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    value: options.user?.email ?? '',
  });
  const comments = element(doc, 'textarea', { name: 'comments', required: true, rows: 4 });
  const status = element(doc, 'p', { role: 'status' });
  const close = element(doc, 'button', { type: 'button', textContent: texts.labelClose });
  const submit = element(doc, 'button', { type: 'submit', textContent: texts.labelSubmit });
  const form = element(doc, 'form', {}, [
    element(doc, 'p', { textContent: texts.subtitle }),
    field(doc, texts.labelName, name),
    field(doc, texts.labelEmail, email),
    field(doc, texts.labelComments, comments),
    element(doc, 'p', {}, [submit]),
  ]);
  const title = element(doc, 'h2', { id: titleId, textContent: texts.title });
  const dialog = element(doc, 'dialog', { className: 'sentry-report-dialog' }, [title, form, status, close]);
  dialog.setAttribute('aria-labelledby', titleId);

  add.call(form, 'submit', (event: Event) => {
    event.preventDefault();
    captureFeedback({
      message: comments.value,
      name: name.value,
      email: email.value,
      source: 'report_dialog',
      ...(eventId && { associatedEventId: eventId }),
    });
    form.remove();
    status.textContent = texts.successMessage;
    close.focus();
  });
  add.call(close, 'click', () => dialog.close());
  add.call(dialog, 'close', () => {
    dialog.remove();
    if (options.onClose) callGuarded('showReportDialog option onClose', options.onClose, undefined);
  });
  doc.body.append(dialog);
  // showModal keeps focus inside and closes on Escape; without it the dialog is shown in place.
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  comments.focus();
  if (options.onLoad) callGuarded('showReportDialog option onLoad', options.onLoad, undefined);
}

/**
 * Shows a small accessible dialog (a native `<dialog>` with a title, name, email and a required
 * comment) asking the user what happened; on submit it sends the answer with `captureFeedback`,
 * linked to `eventId` (default: the last event). The full feedback widget is a separate package.
 * @example Sentry.showReportDialog({ user: { name: 'Ana', email: 'ana@example.org' } })
 */
export function showReportDialog(options: ReportDialogOptions = {}): void {
  callGuarded('showReportDialog', () => openDialog(options ?? {}), undefined);
}
