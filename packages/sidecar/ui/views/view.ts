import { h, setContent, type Child } from '../dom';

/** What a page of the UI is: its element, and how it reloads its data when something arrives. */
export interface View {
  element: HTMLElement;
  /** Reloads the data in place (live updates); views that show one fixed thing leave it out. */
  refresh?: () => Promise<void>;
}

/** A list page: a title over a body that `render` rebuilds from the API on every refresh. */
export function createPage(name: string, title: string, render: () => Promise<Child>): View {
  const body = h('div');
  const element = h('div', { class: 'page', 'data-page': name }, h('h1', null, title), body);
  return { element, refresh: async () => setContent(body, await render()) };
}
