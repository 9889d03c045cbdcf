/** In-memory streams and a CLI runner that captures everything the tool prints. */
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
