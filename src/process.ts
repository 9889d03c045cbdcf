/**
 * Child processes. A thin layer over @actions/exec that resolves the program on the
 * *injected* PATH (so tests and callers can supply their own papermill or git) and
 * never echoes command lines: argv must stay free of secrets, and so must logs.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import { ReleaseError } from './errors.js';

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

/** No command line can carry a NUL byte; an input that holds one is bad input, not a crash. */
function refuseNulArguments(args: string[]): void {
  const bad = args.find((arg) => arg.includes('\0'));
  if (bad !== undefined) {
    throw new ReleaseError('EUSAGE', `An input contains a NUL character, which cannot be passed to a program: ${JSON.stringify(bad.slice(0, 60))}`);
  }
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
  refuseNulArguments(args);
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

export interface GroupRunOptions {
  cwd: string;
  env: Env;
  /** Ends the whole process group after this long; the result then has timedOut set. */
  timeoutMs?: number;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
}

export interface GroupRunResult extends RunResult {
  timedOut: boolean;
}

/** Process groups still running, so an interrupted release can stop them all (see interrupts.ts). */
export const runningGroups = new Set<number>();

export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs a program in a process group of its own (a notebook kernel, a Python
 * check), so a timeout or an interrupt stops it and every child it started.
 */
export function runInGroup(program: string, args: string[], options: GroupRunOptions): Promise<GroupRunResult> {
  refuseNulArguments(args);
  const resolved = which(program, options.env);
  if (!resolved) return Promise.resolve({ exitCode: 127, stdout: '', stderr: `${program}: command not found on PATH`, timedOut: false });
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) env[key] = value;
  return new Promise((resolve) => {
    const child = spawn(resolved, args, { cwd: options.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) runningGroups.add(pid);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const lines = (sink: ((line: string) => void) | undefined) => {
      let pending = '';
      return (chunk: Buffer) => {
        if (!sink) return;
        pending += chunk.toString('utf8');
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        parts.forEach((line) => sink(line.replace(/\r$/, '')));
      };
    };
    const outLines = lines(options.onStdoutLine);
    const errLines = lines(options.onStderrLine);
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); outLines(chunk); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); errLines(chunk); });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      if (pid !== undefined) {
        killGroup(pid, 'SIGTERM');
        setTimeout(() => killGroup(pid, 'SIGKILL'), 2000).unref();
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      stderr += String(error);
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (pid !== undefined) runningGroups.delete(pid);
      resolve({ exitCode: code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1), stdout, stderr, timedOut });
    });
  });
}
