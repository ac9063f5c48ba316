// Entry point of the command line (bundled to dist/node/cli.mjs; see bin.mjs beside it).

import { run } from './run';

const code = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
