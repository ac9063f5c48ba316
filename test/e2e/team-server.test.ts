// The team server in real Chromium: two users sign in on the login screen in two browsers, open
// the same project, and one codes a passage in the reader; the other's page shows it without a
// reload, with a line naming who made the change; Ctrl+Z undoes it in both. The owner imports a
// file from the page (its bytes sent to the server), and the coder's page lists it. Runs in the
// `postgres` test project (it needs the run's PostgreSQL database).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureRenderer } from '../../electron/build.mjs';
import type { ProjectInfo } from '../../shared/domain/model';
import { projectIdOf } from '../../electron/backend/project-host';
import { PASSWORD, startTestTeam, type TestTeam } from '../helpers/team-server';
import { CHROMIUM, CHROMIUM_ARGS } from './launch.mjs';
import { WorkspacePage } from './pages/workspace-page';

let team: TestTeam;
let browser: Browser;
let sara: Page;
let reza: Page;
const errors: string[] = [];
const names = { sara: '', reza: '' };

// The run's other server tests make projects in the same database, and an administrator sees them
// all: this one has a name of its own, found exactly.
const PROJECT = 'Review in the browser';

beforeAll(async () => {
  await ensureRenderer();
  team = await startTestTeam();
  const s = await team.user('sara', { admin: true, displayName: 'Sara' });
  const r = await team.user('reza', { displayName: 'Reza' });
  names.sara = s.name;
  names.reza = r.name;
  const owner = await team.signIn(s.name);
  const project = await owner.value<ProjectInfo>('project.create', { name: PROJECT });
  await owner.value('document.import', {
    files: [{ name: 'interviews.txt', dataBase64: Buffer.from('Trust between partners grows with time.\n\nRivals watch each other closely.').toString('base64') }],
  });
  await owner.value('concept.create', { label: 'trust' });
  await team.grant(r, projectIdOf(project.path), 'coder');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await team?.close();
});

async function signInAndOpen(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${team.origin}/`);
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Before signing in, the page's session check is answered 401, which Chromium logs as an error;
  // from here on any error in the console fails the test.
  await page.getByRole('heading', { name: 'Your projects' }).waitFor();
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.getByRole('button', { name: PROJECT, exact: true }).click();
  const ws = new WorkspacePage(page);
  await ws.openSource('interviews');
  return page;
}

it("shows one user's coding on the other's page at once, naming who, and undoes it in both", async () => {
  sara = await signInAndOpen(names.sara);
  reza = await signInAndOpen(names.reza);
  const saraView = new WorkspacePage(sara);
  const rezaView = new WorkspacePage(reza);
  expect(await saraView.paintedPassages()).toEqual([]);

  await rezaView.select('Trust between partners');
  await rezaView.codeWith('trust');
  await expect.poll(() => saraView.paintedPassages(), { timeout: 10_000 }).toHaveLength(1);
  await expect.poll(() => sara.getByTestId('live-notice').innerText(), { timeout: 10_000 }).toContain('Changed by Reza');

  await reza.keyboard.press('Control+z');
  await expect.poll(() => rezaView.paintedPassages(), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => saraView.paintedPassages(), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => sara.getByTestId('live-notice').innerText(), { timeout: 10_000 }).toContain('Reza undid');
  expect(errors).toEqual([]);
});

it("sends, with the page's next change, the mark of another user's change once the page shows it", async () => {
  const saraView = new WorkspacePage(sara);
  const rezaView = new WorkspacePage(reza);
  // The change mark the server gave Reza's coding.
  const coded = reza.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { method: string }).method === 'segment.code');
  await rezaView.select('Rivals watch');
  await rezaView.codeWith('trust');
  const mark = ((await (await coded).json()) as { mark?: number }).mark;
  expect(mark).toBeGreaterThan(0);
  // Sara's page refetches what it touched (her reader paints it), and only then counts it seen.
  await expect.poll(() => saraView.paintedPassages(), { timeout: 10_000 }).toHaveLength(1);
  const sent = sara.waitForRequest((r) => r.url().endsWith('/api/call') && (r.postDataJSON() as { method: string }).method === 'segment.code');
  await saraView.select('Trust between partners');
  await saraView.codeWith('trust');
  expect((await sent).postDataJSON()).toMatchObject({ method: 'segment.code', seen: expect.any(Number) });
  expect(((await sent).postDataJSON() as { seen: number }).seen).toBeGreaterThanOrEqual(mark!);
  await expect.poll(() => rezaView.paintedPassages(), { timeout: 10_000 }).toHaveLength(2);
  expect(errors).toEqual([]);
});

it("imports a file from the owner's page, and the coder's page lists it", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-team-e2e-'));
  try {
    const file = path.join(dir, 'field notes.txt');
    fs.writeFileSync(file, 'Partners meet every month. Trust follows.');
    const lines = await new WorkspacePage(sara).importFiles([file]);
    expect(lines.join(' ')).toContain('field notes');
    const sources = reza.getByRole('listbox', { name: 'Sources' });
    await expect.poll(() => sources.getByRole('option', { name: /field notes/ }).count(), { timeout: 10_000 }).toBe(1);
    expect(errors).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
