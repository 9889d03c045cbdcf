/** In-memory streams and a CLI runner that captures everything the tool prints. */
import { spawn } from 'node:child_process';
import { runCli } from '../../src/cli.js';
import type { Env } from '../../src/process.js';

export class Capture {
  text = '';
  isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment tests run the tool with: this machine's PATH, no CI variables. */
export function baseEnv(extra: Env = {}): Env {
  return { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...extra };
}

export async function cli(argv: string[], options: { env?: Env; cwd?: string } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli({ argv, env: options.env ?? baseEnv(), cwd: options.cwd ?? process.cwd(), stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs node as a child without blocking this process (a git or API server here keeps answering). */
export function spawnNode(args: string[], options: { env: Record<string, string>; cwd: string }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
