/**
 * "The notebook's Python": the interpreter of the Jupyter kernel the notebook
 * names, which is what papermill and nbconvert run it with. It is often not the
 * `python3` first on PATH (a pyenv or venv shim beside Debian's Jupyter).
 *
 * Resolution follows jupyter_client: the kernel name is the notebook's
 * `metadata.kernelspec.name` (default "python3"); its kernel.json is looked up
 * in Jupyter's data path (jupyter_core's order, first match wins);
 * a bare `python`/`python3` in its argv means the interpreter that runs Jupyter
 * itself (KernelManager.format_kernel_cmd), and so does a missing "python3" spec
 * (ipykernel's built-in native kernel).
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { which, type Env } from '../process.js';
import type { Notebook } from './inject.js';

const NATIVE_KERNEL = 'python3';

export function kernelName(notebook: Notebook | undefined): string {
  const spec = notebook?.metadata?.kernelspec as { name?: unknown } | undefined;
  return typeof spec?.name === 'string' && spec.name ? spec.name : NATIVE_KERNEL;
}

export interface KernelPython {
  kernel: string;
  /** Absolute path of the interpreter, or undefined when no Jupyter or kernel is found. */
  python?: string;
  /** Why it could not be found. */
  reason?: string;
}

export async function resolveKernelPython(notebook: Notebook | undefined, env: Env): Promise<KernelPython> {
  const kernel = kernelName(notebook);
  const jupyter = which('jupyter', env);
  if (!jupyter) return { kernel, reason: 'jupyter is not on PATH' };
  const jupyterPython = interpreterOf(jupyter);
  const spec = findKernelSpec(kernel, jupyterDataPath(env, jupyterPython));
  if (!spec) {
    if (kernel === NATIVE_KERNEL && jupyterPython) return { kernel, python: jupyterPython };
    return { kernel, reason: `no kernel named "${kernel}" in Jupyter's data path` };
  }
  const program = spec.argv[0];
  if (!program) return { kernel, reason: `kernel "${kernel}" has an empty argv` };
  if (/^python(\d(\.\d+)?)?$/.test(program) && jupyterPython) return { kernel, python: jupyterPython };
  const resolved = path.isAbsolute(program) ? program : which(program, env);
  return resolved ? { kernel, python: resolved } : { kernel, reason: `kernel "${kernel}" runs ${program}, which is not on PATH` };
}

/** The interpreter in a script's `#!` line (`#!/usr/bin/python3`, `#!/usr/bin/env python3`). */
function interpreterOf(script: string): string | undefined {
  let first: string;
  try {
    first = readFileSync(script, 'utf8').slice(0, 300).split('\n')[0];
  } catch {
    return undefined;
  }
  const match = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
  if (!match) return undefined;
  return match[1].endsWith('/env') && match[2] ? match[2] : match[1];
}

function findKernelSpec(kernel: string, dirs: string[]): { argv: string[] } | undefined {
  for (const dir of dirs) {
    const file = path.join(dir, 'kernels', kernel, 'kernel.json');
    if (!existsSync(file)) continue;
    try {
      const spec = JSON.parse(readFileSync(file, 'utf8')) as { argv?: unknown };
      if (Array.isArray(spec.argv)) return { argv: spec.argv.map(String) };
    } catch {
      // An unreadable spec is skipped, as jupyter_client skips it.
    }
  }
  return undefined;
}

/**
 * jupyter_core.paths.jupyter_path("kernels")'s order, computed without starting
 * Python: JUPYTER_PATH, the user's data dir, the interpreter's prefix
 * (sys.prefix/share/jupyter), then the system dirs.
 */
function jupyterDataPath(env: Env, jupyterPython: string | undefined): string[] {
  const prefix = jupyterPython ? path.dirname(path.dirname(jupyterPython)) : undefined;
  return [
    ...(env.JUPYTER_PATH ?? '').split(path.delimiter).filter(Boolean),
    env.JUPYTER_DATA_DIR ?? path.join(env.XDG_DATA_HOME ?? path.join(env.HOME ?? os.homedir(), '.local', 'share'), 'jupyter'),
    ...(prefix ? [path.join(prefix, 'share', 'jupyter')] : []),
    '/usr/local/share/jupyter',
    '/usr/share/jupyter',
  ];
}
