/**
 * The two notebook runners. Both execute in the notebook's own folder, take the
 * same parameters, keep the executed notebook and report a failed cell the same
 * way; they differ only in how they are driven and how progress is read.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import { removeOnInterrupt } from '../interrupts.js';
import { runInGroup, which, type Env } from '../process.js';
import { failureFromNbconvertLog, failureFromNotebook, markFailedCell, type CellFailure } from './failure.js';
import { injectParameters, sourceText, type Notebook, type Parameter } from './inject.js';
import { readNotebook } from './read.js';

export type RunnerName = 'papermill' | 'nbconvert';

export interface RunnerInput {
  inputNotebook: string;
  notebook: Notebook;
  outputNotebook: string;
  parameters: Parameter[];
  timeoutSeconds?: number;
  env: Env;
  log: Logger;
}

export type RunnerOutcome = { ok: true } | { ok: false; failure?: CellFailure; stderrTail: string };

export interface NotebookRunner {
  name: RunnerName;
  /** The program that must be on PATH. */
  program: string;
  execute(input: RunnerInput): Promise<RunnerOutcome>;
}

/** Progress lines: one per cell, with how long the previous cell took. */
class CellProgress {
  private started: number | undefined;
  constructor(private readonly log: Logger, private readonly total: number) {}

  cellStarted(number: number, firstLine: string): void {
    const now = Date.now();
    const previous = this.started !== undefined ? ` (previous cell took ${((now - this.started) / 1000).toFixed(1)}s)` : '';
    this.started = now;
    this.log.info(`notebook: cell ${number} of ${this.total}${firstLine ? `: ${firstLine}` : ''}${previous}`);
  }
}

function firstSourceLine(notebook: Notebook, index: number): string {
  const cell = notebook.cells[index];
  return cell ? (sourceText(cell).split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 60) : '';
}

function tail(text: string, lines = 20): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export const papermillRunner: NotebookRunner = {
  name: 'papermill',
  program: 'papermill',
  async execute(input) {
    const workDir = path.dirname(input.inputNotebook);
    const args = [input.inputNotebook, input.outputNotebook, '--cwd', workDir, '--log-output', '--no-progress-bar'];
    for (const p of input.parameters) args.push(p.raw ? '-r' : '-p', p.name, p.value);
    if (input.timeoutSeconds !== undefined) args.push('--execution-timeout', String(input.timeoutSeconds));

    // papermill adds its own injected cell, so the executed notebook has one more.
    const expected = injectParameters(input.notebook, input.parameters);
    const progress = new CellProgress(input.log, expected.cells.length);
    const result = await runInGroup('papermill', args, {
      cwd: workDir,
      env: input.env,
      onStderrLine: (line) => {
        const match = /Executing Cell (\d+)/.exec(line);
        if (match) progress.cellStarted(Number(match[1]), firstSourceLine(expected, Number(match[1]) - 1));
      },
    });
    if (result.exitCode === 0) return { ok: true };
    // papermill writes the notebook even when a cell fails; the error is inside it.
    const written = await readNotebook(input.outputNotebook).catch(() => undefined);
    const failure = written && failureFromNotebook(written);
    if (failure && /timeout|timed out/i.test(result.stderr)) failure.timedOut = true;
    return { ok: false, failure, stderrTail: tail(result.stderr) };
  },
};

export const nbconvertRunner: NotebookRunner = {
  name: 'nbconvert',
  program: 'jupyter',
  async execute(input) {
    const workDir = path.dirname(input.inputNotebook);
    const injected = injectParameters(input.notebook, input.parameters);
    // nbconvert runs the kernel in its input's folder, so the injected copy sits
    // beside the user's notebook (hidden, removed afterwards).
    const stem = path.basename(input.inputNotebook, '.ipynb');
    const injectedPath = path.join(workDir, `.${stem}.mlserver-release-input.ipynb`);
    await writeFile(injectedPath, JSON.stringify(injected, null, 1));
    const forget = removeOnInterrupt(injectedPath);

    const args = [
      'nbconvert', '--to', 'notebook', '--execute', '--log-level=DEBUG',
      '--output', path.basename(input.outputNotebook), '--output-dir', path.dirname(input.outputNotebook),
    ];
    if (input.timeoutSeconds !== undefined) args.push(`--ExecutePreprocessor.timeout=${input.timeoutSeconds}`);
    args.push(injectedPath);

    const codeCells = injected.cells.flatMap((cell, index) => (cell.cell_type === 'code' ? [index] : []));
    const progress = new CellProgress(input.log, injected.cells.length);
    let executing = -1;
    try {
      const result = await runInGroup('jupyter', args, {
        cwd: workDir,
        // The kernel's debugger otherwise prints a frozen-modules warning into every run.
        env: { ...input.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
        onStderrLine: (line) => {
          if (!line.startsWith('[NbConvertApp] Executing cell:')) return;
          executing += 1;
          const index = codeCells[executing] ?? -1;
          progress.cellStarted(index + 1, firstSourceLine(injected, index));
        },
      });
      if (result.exitCode === 0) return { ok: true };
      const index = codeCells[executing];
      if (index === undefined) return { ok: false, stderrTail: tail(result.stderr) };
      const failure = failureFromNbconvertLog(result.stderr, injected, index);
      // nbconvert saves nothing on failure; keep the injected notebook with the error instead.
      await writeFile(input.outputNotebook, JSON.stringify(markFailedCell(injected, failure), null, 1));
      return { ok: false, failure, stderrTail: tail(result.stderr) };
    } finally {
      await rm(injectedPath, { force: true });
      forget();
    }
  },
};

export const RUNNERS: Record<RunnerName, NotebookRunner> = { papermill: papermillRunner, nbconvert: nbconvertRunner };

/** `auto` prefers papermill, the seed's runner, and falls back to nbconvert. */
export function chooseRunner(choice: 'auto' | RunnerName, env: Env): NotebookRunner | undefined {
  if (choice !== 'auto') return which(RUNNERS[choice].program, env) ? RUNNERS[choice] : undefined;
  return [papermillRunner, nbconvertRunner].find((runner) => which(runner.program, env));
}
