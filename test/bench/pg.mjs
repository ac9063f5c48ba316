// PostgreSQL for the server benchmark: a cluster of its own from Debian's binaries in a temporary
// folder (durable settings: fsync and synchronous commit on, as a real server runs), on a Unix
// socket; it can be restarted mid-load and is removed at the end. As root it runs as `postgres`.

import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  throw new Error('PostgreSQL is not installed (apt-get install postgresql), and GROUNDWORK_BENCH_PG names no server.');
}

export function startCluster() {
  const bin = postgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-pg-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'socket');
  fs.mkdirSync(socket);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const run = (tool, args) =>
    execFileSync(asRoot ? 'runuser' : path.join(bin, tool), asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dir,
    });
  const runAsync = (tool, args) =>
    new Promise((resolve, reject) =>
      execFile(asRoot ? 'runuser' : path.join(bin, tool), asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args, { cwd: dir }, (error) => (error ? reject(error) : resolve())),
    );
  const options = `-k ${socket} -c listen_addresses='' -c max_connections=200 -c shared_buffers=128MB`;
  run('initdb', ['-D', data, '--locale=C', '--encoding=UTF8', '-U', 'groundwork', '--auth=trust']);
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  return {
    url: `postgresql://groundwork@localhost/postgres?host=${encodeURIComponent(socket)}`,
    database: (name) => `postgresql://groundwork@localhost/${name}?host=${encodeURIComponent(socket)}`,
    /**
     * A fast restart (as an administrator's `systemctl restart postgresql`): sessions end, committed
     * work stays; the database is down for `downMs` between stop and start. Asynchronous, so the
     * simulated coders keep sending while it is down.
     */
    async restart(downMs = 1500) {
      await runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      await new Promise((r) => setTimeout(r, downMs));
      await runAsync('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
