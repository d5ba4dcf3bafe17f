import type { JSX } from 'hono/jsx/jsx-runtime';

/** An admin view rendered to the HTML string that is sent. */
export async function renderPage(element: JSX.Element): Promise<string> {
  return `<!doctype html>${await element.toString()}`;
}
