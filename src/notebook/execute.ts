/**
 * The notebook step: inject the release parameters, run the notebook with the
 * chosen runner, keep the executed copy, and turn a failed cell into exit 3.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { describeFailure } from './failure.js';
import { countCodeCells, type Parameter } from './inject.js';
import { readNotebook } from './read.js';
import { chooseRunner, type RunnerName } from './runners.js';

export interface NotebookStepInput {
  notebookPath: string;
  outputNotebook: string;
  runner: 'auto' | RunnerName;
  parameters: Parameter[];
  timeoutSeconds?: number;
  env: Env;
  log: Logger;
}

export interface NotebookStepResult {
  runner: RunnerName;
  executedNotebook: string;
  seconds: number;
}

export function defaultExecutedNotebookPath(notebookPath: string): string {
  const dir = path.dirname(notebookPath);
  return path.join(dir, `${path.basename(notebookPath, '.ipynb')}.executed.ipynb`);
}

export async function executeNotebook(input: NotebookStepInput): Promise<NotebookStepResult> {
  const notebook = await readNotebook(input.notebookPath);
  const runner = chooseRunner(input.runner, input.env);
  if (!runner) {
    const wanted = input.runner === 'auto' ? 'papermill or jupyter' : RUNNERS_PROGRAM[input.runner];
    throw new ReleaseError('ERUNNERMISSING', `No notebook runner found: ${wanted} is not on PATH`);
  }
  await mkdir(path.dirname(input.outputNotebook), { recursive: true });
  input.log.info(
    `notebook: running ${input.notebookPath} with ${runner.name} (${countCodeCells(notebook)} code cells` +
      `${input.timeoutSeconds !== undefined ? `, ${input.timeoutSeconds}s per cell` : ''})`,
  );
  const started = Date.now();
  const outcome = await runner.execute({ ...input, inputNotebook: input.notebookPath, notebook });
  // Defence in depth: the notebook ran without the credentials, but whatever it printed stays in
  // the executed copy that CI keeps as an artifact.
  await redactFile(input.outputNotebook, input.log);
  const seconds = (Date.now() - started) / 1000;
  if (!outcome.ok) {
    if (outcome.failure) {
      const code = outcome.failure.timedOut ? 'ENOTEBOOKTIMEOUT' : 'ENOTEBOOKFAILED';
      throw new ReleaseError(code, describeFailure(outcome.failure, input.outputNotebook), [], input.notebookPath);
    }
    throw new ReleaseError('ENOTEBOOKFAILED', `${runner.name} failed before any cell reported an error. Last output:\n${outcome.stderrTail}`, [], input.notebookPath);
  }
  input.log.info(`notebook: done in ${seconds.toFixed(1)}s, executed notebook kept at ${input.outputNotebook}`);
  return { runner: runner.name, executedNotebook: input.outputNotebook, seconds };
}

const RUNNERS_PROGRAM: Record<RunnerName, string> = { papermill: 'papermill', nbconvert: 'jupyter (nbconvert)' };

async function redactFile(file: string, log: Logger): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || !log.redactor.reveals(text)) return;
  await writeFile(file, log.redactor.redact(text));
  log.warn(`notebook: the executed notebook held a credential; it was redacted in ${file}`);
}
