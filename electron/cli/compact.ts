// `groundwork compact FILE [--vacuum] [--keep-steps N] [--keep-days D]`: forgets the undo history
// beyond the project's limits (its setting, or the limits given for this run), with the texts only
// those steps still named; --vacuum also gives the freed pages back to the disk.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { getHistoryLimits } from '../../db/history-limits';
import { openProjectFile } from '../../db/sqlite/open';
import { say, type Message } from '../../shared/domain/message';
import { shown, type Io } from './io';

/** A size in megabytes with one decimal (each language writes its own unit). */
const mb = (bytes: number | null): Message => (bytes === null ? say('?') : say('{size} MB', { size: Math.round((bytes / 1024 / 1024) * 10) / 10 }));

export async function compactCommand(args: string[], io: Io, usage: new (message: Message) => Error): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { vacuum: { type: 'boolean', default: false }, 'keep-steps': { type: 'string' }, 'keep-days': { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new usage(say('compact takes one project file.'));
  const whole = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new usage(say('--{option} takes a whole number of 0 or more.', { option: name }));
    return n;
  };
  const keepSteps = whole('keep-steps', values['keep-steps']);
  const keepDays = whole('keep-days', values['keep-days']);
  const store = openProjectFile(file);
  try {
    const limits = await store.read(getHistoryLimits);
    const used = { keepSteps: keepSteps ?? limits.keepSteps, keepDays: keepDays ?? limits.keepDays };
    const report = await store.compact({ ...used, vacuum: values.vacuum });
    const params = { file: path.basename(file), n: report.removedSteps, steps: used.keepSteps, days: used.keepDays, texts: report.removedTexts, before: mb(report.bytesBefore), after: mb(report.bytesAfter) };
    const line =
      report.removedTexts > 0
        ? values.vacuum
          ? say('{file}: forgot {n} undo step(s) beyond the last {steps} and {days} day(s), and {texts} text(s) only they kept; {before} → {after}.', params)
          : say('{file}: forgot {n} undo step(s) beyond the last {steps} and {days} day(s), and {texts} text(s) only they kept; {before} → {after} (freed space is reused; --vacuum gives it back to the disk).', params)
        : values.vacuum
          ? say('{file}: forgot {n} undo step(s) beyond the last {steps} and {days} day(s); {before} → {after}.', params)
          : say('{file}: forgot {n} undo step(s) beyond the last {steps} and {days} day(s); {before} → {after} (freed space is reused; --vacuum gives it back to the disk).', params);
    io.out(shown(io, line));
    return 0;
  } finally {
    await store.close();
  }
}
