// Entry point of the command line (bundled to dist/node/cli.mjs; see bin.mjs beside it).

import { run } from './run';

const code = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // Bytes (an XLSX report) only to a pipe or file, never onto a terminal.
  bytes: process.stdout.isTTY ? undefined : (data) => process.stdout.write(data),
});
process.exitCode = code;
