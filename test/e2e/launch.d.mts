import type { ChildProcess } from 'node:child_process';
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function spawnHost(repo: string, args: string[]): { child: ChildProcess; address: Promise<string>; output(): string };
