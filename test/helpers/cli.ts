// Running the `groundwork` command in tests: in process (its run() with captured output), and as a
// real process, through `npx groundwork` from the repository as a researcher would.

import { spawn } from 'node:child_process';
import { run } from '../../electron/cli/run';
import { REPO } from './backend';

export interface CliResult {
  code: number;
  out: string[];
  err: string[];
  stdout: string;
  stderr: string;
  /** What it wrote to standard output as bytes (an XLSX report). */
  bytes: Buffer;
}

/** Runs the command line in this process, with its output captured line by line. */
export async function runCli(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const chunks: Uint8Array[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), bytes: (d) => chunks.push(d) });
  return { code, out, err, stdout: out.join('\n'), stderr: err.join('\n'), bytes: Buffer.concat(chunks) };
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program from the repository's folder with extra environment variables. */
export function runProcess(command: string, args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npx groundwork …` with its projects kept in `home`. */
export const npxGroundwork = (args: string[], home: string) =>
  runProcess('npx', ['--no', 'groundwork', ...args], { GROUNDWORK_HOME: home, npm_config_loglevel: 'error', npm_config_update_notifier: 'false' });

/** Lines that npm itself may print about its own configuration are not the command's. */
export const ownLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '' && !/^npm (warn|notice)/i.test(l));
