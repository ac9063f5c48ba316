// `groundwork maturity FILE --out MODEL.json|.csv|.xlsx [--labels en|fa]`: the maturity model
// export, the same files as the app's export buttons, chosen by the extension of OUT.

import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { fail } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';
import type { Io } from './run';

type Api = ReturnType<typeof createClient>;

export async function maturityCommand(
  args: string[],
  io: Io,
  withProject: <T>(file: string | undefined, use: (api: Api) => Promise<T>) => Promise<T>,
  write: (file: string, content: string) => void,
  UsageError: new (message: Message) => Error,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, labels: { type: 'string', default: 'en' } },
  });
  if (positionals.length !== 1) throw new UsageError(say('maturity takes one project file.'));
  if (!values.out) throw new UsageError(say('maturity needs --out MODEL.json (or .csv, .xlsx).'));
  const ext = path.extname(values.out).toLowerCase();
  if (!['.json', '.csv', '.xlsx'].includes(ext)) throw new UsageError(say('Unknown output type "{value}": use .json, .csv or .xlsx.', { value: ext || values.out }));
  if (values.labels !== 'en' && values.labels !== 'fa') throw new UsageError(say('Unknown --labels "{value}": use en or fa.', { value: values.labels }));
  const labels = values.labels;
  const out = values.out;
  const summary = await withProject(positionals[0], async (api) => {
    const model = await api.call('maturity.get', {});
    if (ext === '.json') write(out, (await api.call('maturity.exportJson', {})).text);
    else if (ext === '.csv') write(out, (await api.call('maturity.exportCsv', { labels })).text);
    else {
      const file = await api.call('maturity.exportXlsx', { labels });
      const temp = `${out}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, Buffer.from(file.dataBase64, 'base64'));
        fs.renameSync(temp, out);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        fail('io', 'Cannot write {path}: {reason}', { path: out, reason: (error as Error).message });
      }
    }
    return model;
  });
  const n = summary.dimensions.length;
  io.out(`Wrote the maturity model (${summary.levels.length} levels, ${n} ${n === 1 ? 'dimension' : 'dimensions'}) to ${out}`);
  return 0;
}
