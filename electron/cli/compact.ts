// `groundwork compact FILE [--vacuum] [--keep-steps N] [--keep-days D]`: forgets the undo history
// beyond the project's limits (its setting, or the limits given for this run), with the texts only
// those steps still named; --vacuum also gives the freed pages back to the disk.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { getHistoryLimits } from '../../db/history-limits';
import { openProjectFile } from '../../db/sqlite/open';
import type { Io } from './run';

const mb = (bytes: number | null) => (bytes === null ? '?' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export async function compactCommand(args: string[], io: Io, usage: new (message: string) => Error): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { vacuum: { type: 'boolean', default: false }, 'keep-steps': { type: 'string' }, 'keep-days': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new usage('compact takes one project file.');
  const whole = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new usage(`--${name} takes a whole number of 0 or more.`);
    return n;
  };
  const keepSteps = whole('keep-steps', values['keep-steps']);
  const keepDays = whole('keep-days', values['keep-days']);
  const store = openProjectFile(file);
  try {
    const limits = await store.read(getHistoryLimits);
    const used = { keepSteps: keepSteps ?? limits.keepSteps, keepDays: keepDays ?? limits.keepDays };
    const report = await store.compact({ ...used, vacuum: values.vacuum });
    io.out(
      `${path.basename(file)}: forgot ${report.removedSteps} undo step(s) beyond the last ${used.keepSteps} and ${used.keepDays} day(s)` +
        `${report.removedTexts > 0 ? `, and ${report.removedTexts} text(s) only they kept` : ''}; ${mb(report.bytesBefore)} → ${mb(report.bytesAfter)}` +
        `${values.vacuum ? '' : ' (freed space is reused; --vacuum gives it back to the disk)'}.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
