// Entry point of the browser mode: `node dist/node/web-host.mjs [--port N] [--home DIR]
// [--project FILE | --example]`. Prints the address to open and serves until interrupted.

import { parseArgs } from 'node:util';
import { createBackend } from '../backend/backend';
import { dispatch } from '../backend/dispatcher';
import { warmImportWorker } from '../backend/import/worker-pool';
import { hostConfig, RENDERER_DIR } from '../host-config';
import { browserBackendConfig, startWebHost } from './server';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4780' },
      home: { type: 'string' },
      project: { type: 'string' },
      example: { type: 'boolean', default: false },
    },
  });
  const backend = createBackend(browserBackendConfig(hostConfig('browser', values.home)));
  if (values.project || values.example) {
    const response = values.project
      ? await dispatch(backend, { method: 'project.open', input: { path: values.project } })
      : await dispatch(backend, { method: 'project.openExample', input: {} });
    if (!response.ok) {
      console.error(`groundwork: ${response.error.message}`);
      process.exit(1);
    }
  }
  const wanted = Number(values.port);
  let host;
  try {
    host = await startWebHost({ backend, rendererDir: RENDERER_DIR, port: wanted });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    host = await startWebHost({ backend, rendererDir: RENDERER_DIR, port: 0 });
  }
  // A worker waits for the first import, so it starts as fast as the next ones.
  warmImportWorker();
  console.log(`Groundwork is running in browser mode. Open this address in your browser:\n\n  ${host.openUrl}\n`);
  console.log(`Projects are kept in ${backend.config.home}. Press Ctrl+C to stop.`);
  const stop = async () => {
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`groundwork: ${(error as Error).message}`);
  process.exit(1);
});
