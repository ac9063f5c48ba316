// Each test its own project: the bundled example (or study) rebuilt from scratch through the
// backend, then the page reloaded onto it, so what one test coded never reaches the next.

import type { Page } from 'playwright-core';

/** Calls the backend the way the page does, with the tab's token. */
export function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const response = await fetch('./api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Groundwork-Token': sessionStorage.getItem('groundwork.token') ?? '' },
        body: JSON.stringify({ method, input }),
      });
      const body = await response.json();
      if (!body.ok) throw new Error(body.error.message);
      return body.value;
    },
    { method, input },
  ) as Promise<T>;
}

/** Opens a fresh copy of the example project (or the study) and waits for its workspace. */
export async function freshProject(page: Page, which: 'example' | 'study' = 'example') {
  await page.locator('.gw-topbar, .gw-start').first().waitFor();
  await callApi(page, which === 'example' ? 'project.openExample' : 'project.openStudy', { fresh: true });
  await page.reload();
  await page.locator('.gw-topbar').waitFor();
}

let created = 0;

/** Creates a new empty project (a new file each time) and waits for its workspace. */
export async function newProject(page: Page, name: string): Promise<{ path: string }> {
  await page.locator('.gw-topbar, .gw-start').first().waitFor();
  created += 1;
  const project = await callApi<{ path: string }>(page, 'project.create', { name: `${name} ${created}` });
  await page.reload();
  await page.locator('.gw-topbar').waitFor();
  return project;
}
