// The command line in the language asked for (--lang fa, or the environment): its error lines, usage
// errors and import report lines in Persian; tables and file contents unchanged. And its usage text
// lists each command once, as run() knows them.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, USAGE } from '../../electron/cli/run';
import { REPO, tempDir } from '../helpers/backend';

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the command line with its output captured and the environment given. */
async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out, err };
}

describe('groundwork --lang fa', () => {
  it('words an error line in Persian, the file name as it is', async () => {
    const missing = path.join(dir, 'missing.groundwork');
    const r = await cli(['--lang', 'fa', 'counts', missing]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([`groundwork: در ${missing} فایل پروژه‌ای نیست؛ مسیر را بررسی کنید، یا اگر پاک شده است، یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید.`]);
    // The same in English without the flag.
    expect((await cli(['counts', missing])).err).toEqual([
      `groundwork: There is no project file at ${missing}; check the path, or if it was deleted, restore one of its backups from the start screen.`,
    ]);
  });

  it('words the import report lines in Persian, each with its keyword for scripts', async () => {
    const file = path.join(dir, 'p.groundwork');
    expect((await cli(['init', file])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'note.txt'), 'یادداشتی کوتاه.');
    fs.writeFileSync(path.join(dir, 'paper.odt'), 'x');
    const r = await cli(['import', file, path.join(dir, 'note.txt'), path.join(dir, 'paper.odt'), '--lang=fa']);
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['imported  note.txt: با نام «note» وارد شد (۱۵ نویسه).']);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^failed {4}paper\.odt: فایل‌های «\.odt» وارد نمی‌شوند\. /);
  });

  it('takes the language from GROUNDWORK_LANG or a Persian LANG, and a usage error in Persian exits 2', async () => {
    const r = await cli(['frobnicate'], { GROUNDWORK_LANG: 'fa' });
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['groundwork: فرمان «frobnicate» شناخته نیست. برای راهنما «\u2068groundwork help\u2069» را اجرا کنید.']);
    expect((await cli(['frobnicate'], { LANG: 'fa_IR.UTF-8' })).err[0]).toMatch(/شناخته نیست/);
    expect((await cli(['frobnicate'], { LANG: 'en_US.UTF-8' })).err).toEqual(['groundwork: Unknown command "frobnicate". Run "groundwork help" for usage.']);
  });

  it('refuses a language it does not have', async () => {
    const r = await cli(['--lang', 'de', 'help']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['groundwork: Unknown --lang "de": use en or fa. Run "groundwork help" for usage.']);
  });
});

describe('groundwork help', () => {
  /** The commands run() dispatches, read from its switch. */
  const commands = [...fs.readFileSync(path.join(REPO, 'electron/cli/run.ts'), 'utf8').matchAll(/^\s+case '([a-z][a-z0-9]*)':/gm)].map((m) => m[1]!);

  it('lists every command run() knows, each once, at the start of its line', () => {
    expect(commands.length).toBeGreaterThanOrEqual(16);
    const listed = [...USAGE.matchAll(/^ {2}([a-z][a-z0-9]*)\b/gm)].map((m) => m[1]!);
    const uses = new Map<string, number>();
    for (const c of listed) uses.set(c, (uses.get(c) ?? 0) + 1);
    for (const command of commands) {
      // `counts` has two forms, plain and --compare; every other command one line.
      expect(uses.get(command), command).toBe(command === 'counts' ? 2 : 1);
    }
    expect([...uses.keys()].filter((c) => !commands.includes(c))).toEqual([]);
  });

  it('names the options each command really takes (a usage error for any other)', async () => {
    // A command run with an option its line does not list is refused by its own parser.
    const lines = USAGE.split('\n');
    const optionsOf = (command: string) => lines.filter((l) => l.startsWith(`  ${command} `)).flatMap((l) => [...l.matchAll(/--([a-z0-9-]+)/g)].map((m) => m[1]!));
    expect(optionsOf('export').sort()).toEqual(['qdc', 'qdpx', 'segments', 'table8', 'unit']);
    expect(optionsOf('evolution').sort()).toEqual(['baseline', 'format', 'labels', 'out', 'wave']);
    expect(optionsOf('saturation').sort()).toEqual(['format', 'last', 'order', 'percent']);
    expect(optionsOf('code').sort()).toEqual(['coder', 'concept', 'end', 'source', 'start']);
    expect(optionsOf('autocode').sort()).toEqual(['coder', 'concept', 'unit']);
    for (const [command, option] of [['export', 'frobnicate'], ['evolution', 'frobnicate'], ['codebook', 'labels']] as const) {
      const r = await cli([command, path.join(dir, 'p.groundwork'), `--${option}`, 'x']);
      expect(r.code, `${command} --${option}`).toBe(2);
    }
  });
});
