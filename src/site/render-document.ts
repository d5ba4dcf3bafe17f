import type { JSX } from 'hono/jsx/jsx-runtime';

/** A page view rendered to the HTML string that is sent and cached. */
export async function renderDocument(element: JSX.Element): Promise<string> {
  return `<!doctype html>${await element.toString()}`;
}
