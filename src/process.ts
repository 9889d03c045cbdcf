/**
 * Child processes. A thin layer over @actions/exec that resolves the program on the
 * *injected* PATH (so tests and callers can supply their own papermill or git) and
 * never echoes command lines: argv must stay free of secrets, and so must logs.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';

export type Env = Record<string, string | undefined>;

export interface RunOptions {
  cwd: string;
  env: Env;
  input?: string | Buffer;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Finds `program` on the PATH of `env`, or returns undefined. */
export function which(program: string, env: Env): string | undefined {
  if (program.includes('/')) return isExecutable(program) ? program : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Runs a program to completion; a non-zero exit is returned, not thrown. */
export async function run(program: string, args: string[], options: RunOptions): Promise<RunResult> {
  const resolved = which(program, options.env);
  if (!resolved) {
    return { exitCode: 127, stdout: '', stderr: `${program}: command not found on PATH` };
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) env[key] = value;
  const result = await getExecOutput(resolved, args, {
    cwd: options.cwd,
    env,
    silent: true,
    ignoreReturnCode: true,
    input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
    listeners: {
      stdline: options.onStdoutLine,
      errline: options.onStderrLine,
    },
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
