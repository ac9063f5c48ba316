// Coding by keyboard in real Chromium: the reader's caret and Shift/Ctrl selection in a Persian
// source (left arrow reads on in a right-to-left paragraph), across paragraphs and into chunks not
// mounted yet, a mouse selection adjusted by keys, whole-word selections that keep a Latin run
// inside a Persian line, and coded passages reached and opened by keyboard.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { freshProject } from './pages/fresh-project';
import { persian } from './pages/language';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
});
// Each test codes its own fresh copy of the example project.
beforeEach(async () => {
  await freshProject(app.page);
});
afterAll(async () => {
  await app?.close();
});

const lastSegment = () => {
  const db = new Database(path.join(app.home, 'Example project.groundwork'), { readonly: true });
  try {
    return db.prepare('SELECT s.text, s.start_offset AS start, s.end_offset AS end, c.label FROM segment s JOIN concept c ON c.id = s.concept_id ORDER BY s.id DESC LIMIT 1').get() as
      | { text: string; start: number; end: number; label: string }
      | undefined;
  } finally {
    db.close();
  }
};

const preview = () => app.page.locator('.gw-coding-preview').getAttribute('title');

type Box = { left: number; right: number; top: number; bottom: number; y: number };

/**
 * Screen rectangles of phrases inside the run holding `context` (all on one line), after
 * scrolling that run into view once; with no parts, the rectangle of the context itself.
 */
async function phraseBoxes(context: string, ...parts: string[]): Promise<Box[]> {
  const boxes = await app.page.evaluate(
    ({ context, parts }) => {
      for (const span of document.querySelectorAll<HTMLElement>('.gw-reader-body span[data-start]')) {
        const node = span.firstChild as Text | null;
        const at = node?.data.indexOf(context) ?? -1;
        if (!node || at < 0) continue;
        span.scrollIntoView({ block: 'center' });
        return (parts.length ? parts : [context]).map((part) => {
          const from = at + context.indexOf(part);
          const range = document.createRange();
          range.setStart(node, from);
          range.setEnd(node, from + part.length);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, y: r.top + r.height / 2 };
        });
      }
      return null;
    },
    { context, parts },
  );
  if (!boxes) throw new Error(`"${context}" is not in a rendered run`);
  return boxes;
}

const phraseBox = async (phrase: string) => (await phraseBoxes(phrase))[0]!;

describe('coding by keyboard', () => {

  it('selects the first words of a Persian paragraph with Ctrl+Shift+Left and codes them in vivo', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await ws.reader.focus();
    await expect.poll(() => app.page.locator('.gw-caret').isVisible()).toBe(true);
    await app.page.keyboard.press('Control+Home');
    // Right to left: the left arrow reads on, word by word.
    for (let i = 0; i < 3; i += 1) await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(preview).toBe('استراتژی بازاریابی مبتنی');
    // And Shift+Right gives back the last letter.
    await app.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(preview).toBe('استراتژی بازاریابی مبتن');
    await app.page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(preview).toBe('استراتژی بازاریابی مبتنی');
    await ws.codeInVivo();
    await expect.poll(() => lastSegment()?.text).toBe('استراتژی بازاریابی مبتنی');
    // Focus is back in the reader: the caret goes on from the end of the coded words.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.classList.contains('gw-reader-body'))).toBe(true);
    await app.page.keyboard.press('Control+ArrowLeft');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(preview).toBe('بر');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
  });

  it('extends a selection across paragraphs with Shift+Down and Shift+End', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await ws.reader.focus();
    await app.page.keyboard.press('Control+Home');
    await app.page.keyboard.press('Shift+ArrowDown');
    await app.page.keyboard.press('Shift+ArrowDown');
    await app.page.keyboard.press('Shift+End');
    // Down twice from the title: through the first paragraph into the next, then to its end.
    await expect.poll(async () => (await preview())?.split('\n').length).toBeGreaterThanOrEqual(2);
    expect((await preview())?.startsWith('استراتژی بازاریابی مبتنی بر حساب چیست؟\n')).toBe(true);
    await app.page.keyboard.press('Escape');
  });

  it('moves the caret down and up a line, keeping its place along the line', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await ws.reader.focus();
    await app.page.keyboard.press('Control+Home');
    await app.page.keyboard.press('ArrowDown'); // into the first line of the long second paragraph
    await app.page.keyboard.press('Home');
    for (let i = 0; i < 5; i += 1) await app.page.keyboard.press('Control+ArrowLeft');
    const caret = () =>
      app.page.locator('.gw-caret').evaluate((el) => {
        const box = el.getBoundingClientRect();
        return { focus: Number((el as HTMLElement).dataset.focus), x: box.left, y: box.top };
      });
    const before = await caret();
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await caret()).y).toBeGreaterThan(before.y + 10);
    const after = await caret();
    expect(after.focus).toBeGreaterThan(before.focus + 20); // a line on, not the next paragraph's start
    expect(Math.abs(after.x - before.x)).toBeLessThan(40);
    await app.page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await caret()).y).toBe(before.y);
    expect(Math.abs((await caret()).focus - before.focus)).toBeLessThan(4);
  });

  it('adjusts a mouse selection with the keyboard', async () => {
    await ws.openSource('Account-based marketing (fa)');
    const box = (await phraseBox('قرار دادن بزرگترین'))!;
    await app.page.mouse.move(box.right - 1, box.y);
    await app.page.mouse.down();
    await app.page.mouse.move(box.left + 1, box.y, { steps: 6 });
    await app.page.mouse.up();
    await expect.poll(preview).toBe('قرار دادن بزرگترین');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(preview).toBe('قرار دادن بزرگترین گروه');

    await app.page.keyboard.press('Control+Shift+ArrowRight');
    await app.page.keyboard.press('Control+Shift+ArrowRight');
    await expect.poll(preview).toBe('قرار دادن');
    await ws.codeWith('هدف‌گیری');
    await expect.poll(() => lastSegment()).toMatchObject({ text: 'قرار دادن', label: 'هدف‌گیری' });
  });

  it('keeps a Latin run inside a Persian line when a drag ends at its near edge', async () => {
    await ws.openSource('Account-based marketing (fa)');
    const box = () => phraseBoxes('بازاریابی B2B چیست', 'بازاریابی', 'B2B');
    // From the right edge of «بازاریابی» leftwards, ending just inside the near (right) edge of
    // "B2B": Chromium leaves the Latin run out of such a drag.
    const drag = async () => {
      const [from, latin] = await box();
      await app.page.mouse.move(from!.right - 1, from!.y);
      await app.page.mouse.down();
      await app.page.mouse.move((from!.left + latin!.right) / 2, from!.y, { steps: 5 });
      await app.page.mouse.move(latin!.right - 1, latin!.y, { steps: 5 });
      await app.page.mouse.up();
    };
    const wholeWords = app.page.getByRole('checkbox', { name: 'Extend selections to whole words' });
    await wholeWords.uncheck();
    await drag();
    await expect.poll(preview).toBe('بازاریابی ');
    // The keyboard reaches the run from there: one word on, in the reading direction (left).
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(preview).toBe('بازاریابی B2B');
    await app.page.keyboard.press('Escape');

    await wholeWords.check();
    await drag();
    await expect.poll(preview).toBe('بازاریابی B2B');
    await ws.codeWith('بازاریابی B2B');
    await expect.poll(() => lastSegment()).toMatchObject({ text: 'بازاریابی B2B', label: 'بازاریابی B2B' });
  });

  it('remembers the whole-words choice', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await app.page.getByRole('checkbox', { name: 'Extend selections to whole words' }).uncheck();
    await app.page.reload();
    await ws.openSource('Account-based marketing (fa)');
    await expect.poll(() => app.page.getByRole('checkbox', { name: 'Extend selections to whole words' }).isChecked()).toBe(false);
    await app.page.getByRole('checkbox', { name: 'Extend selections to whole words' }).check();
  });

  it('goes to a coded passage with Alt+Down and opens it with Enter; Esc gives focus back', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await ws.select('قرار دادن بزرگترین');
    await ws.codeInVivo();
    await ws.reader.focus();
    await app.page.keyboard.press('Control+Home');
    await app.page.keyboard.press('Alt+ArrowDown');
    await app.page.keyboard.press('Enter');
    const popover = app.page.getByRole('dialog', { name: 'Coded here' });
    await popover.waitFor();
    await expect.poll(() => popover.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Tab');
    await expect.poll(() => popover.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await app.page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.classList.contains('gw-reader-body'))).toBe(true);
    // A click outside closes it too.
    await app.page.keyboard.press('Enter');
    await popover.waitFor();
    await app.page.locator('.gw-topbar').click({ position: { x: 5, y: 5 } });
    await popover.waitFor({ state: 'detached' });
  });

  it('closes the History popover on Esc and on a click outside, giving focus back to its button', async () => {
    const button = app.page.getByRole('button', { name: 'History', exact: true });
    const list = app.page.getByRole('dialog', { name: 'History' });
    await button.focus();
    await app.page.keyboard.press('Enter');
    await list.waitFor();
    await expect.poll(() => list.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await app.page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    await button.click();
    await list.waitFor();
    await app.page.locator('.gw-code-tree').click({ position: { x: 20, y: 200 } });
    await list.waitFor({ state: 'detached' });
  });

  it('leaves the messages of a closed project behind: the start screen shows none', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await ws.select('قرار دادن بزرگترین');
    await ws.codeInVivo();
    await ws.reader.focus();
    await app.page.keyboard.press('Control+z');
    await app.page.locator('.gw-toast').first().waitFor();
    await app.page.getByRole('button', { name: 'Close project' }).click();
    await app.page.locator('.gw-start').waitFor();
    await expect.poll(() => app.page.locator('.gw-toast').count()).toBe(0);
  });

  it('selects into chunks that are not mounted yet, to the end of a long source', async () => {
    const file = path.join(app.home, 'Long source.txt');
    const paragraphs = Array.from({ length: 400 }, (_, i) => `بند ${i + 1}: بازاریابی مبتنی بر حساب و فروش B2B.`);
    fs.writeFileSync(file, paragraphs.join('\n'));
    await ws.importFiles([file]);
    await ws.openSource('Long source');
    await ws.reader.focus();
    await app.page.keyboard.press('Control+Shift+End');
    await expect.poll(preview).toBe(paragraphs.join('\n'));
    // The far end is on screen now, the start long unmounted; Shift+Home trims the last paragraph.
    await expect.poll(() => ws.reader.locator('p.gw-para', { hasText: 'بند ۴۰۰' }).or(ws.reader.locator('p.gw-para', { hasText: 'بند 400' })).count()).toBe(1);
    await app.page.keyboard.press('Shift+Home');
    await expect.poll(async () => (await preview())?.length).toBe(paragraphs.slice(0, -1).join('\n').length + 1);
    await ws.codeWith('کل متن');
    // The backend keeps the passage without the line feed at its end.
    await expect.poll(() => lastSegment()).toMatchObject({ start: 0, end: paragraphs.slice(0, -1).join('\n').length });
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});

/** Presses Tab until the focused element matches `selector` (at most 60 times), as a keyboard user would. */
async function tabTo(selector: string, shift = false) {
  for (let i = 0; i < 60; i += 1) {
    if (await app.page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector)) return;
    await app.page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('a Persian source coded from start to finish without a mouse, in the Persian interface', () => {
  it('opens a source, codes two passages, finds them in the code system and the segments, and undoes', async () => {
    await app.page.goto(`${app.url.replace('/#', '/?lang=fa#')}`);
    await app.page.locator('.gw-topbar').waitFor();
    const fa = persian;
    // Sources: arrows move, Enter opens.
    await tabTo('.gw-documents [role="option"]');
    for (let i = 0; i < 5; i += 1) {
      const name = await app.page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.includes('Account-based marketing (fa)')) break;
      await app.page.keyboard.press('ArrowDown');
    }
    await app.page.keyboard.press('Enter');
    await app.page.locator('.gw-reader-header h2', { hasText: 'Account-based marketing (fa)' }).waitFor();
    // The reader: Tab in, select the title's first two words (left arrow reads on), code with a new concept.
    await tabTo('.gw-reader-body');
    await app.page.keyboard.press('Control+Home');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(preview).toBe('استراتژی بازاریابی');
    await app.page.keyboard.press('c');
    await app.page.getByRole('combobox', { name: fa('Concept') }).fill('راهبرد بازاریابی');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => lastSegment()).toMatchObject({ text: 'استراتژی بازاریابی', label: 'راهبرد بازاریابی' });
    // On to the next line (Down), select it to its end, code it with the last concept (L).
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.classList.contains('gw-reader-body'))).toBe(true);
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await app.page.keyboard.press('Control+Shift+ArrowLeft');
    await expect.poll(preview).toBe('در این مقاله');
    await app.page.keyboard.press('l');
    await expect.poll(() => lastSegment()).toMatchObject({ text: 'در این مقاله', label: 'راهبرد بازاریابی' });
    // The code system: arrows to the concept, Enter takes the keyboard to its coded passages,
    // Down and Enter open the second one in the reader.
    await tabTo('.gw-tree');
    await app.page.keyboard.press('End');
    await expect.poll(() => app.page.locator('.gw-tree [aria-selected="true"]').innerText()).toContain('راهبرد بازاریابی');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.classList.contains('gw-segment-item'))).toBe(true);
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('در این مقاله');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => ws.reader.locator('span.gw-flash').allInnerTexts()).toEqual(['در این مقاله']);
    // Undo from the keyboard: the second passage goes.
    await tabTo('.gw-reader-body', true);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => lastSegment()?.text).toBe('استراتژی بازاریابی');
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
