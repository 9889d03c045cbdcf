/**
 * The load test: before anything is published, the staged version folder goes
 * through MLServer's own loading code in the notebook's Python (see
 * python-scripts.ts for exactly which internals), then one inference with the
 * sample request. A model that fails here would fail in the server, where one
 * failing model at start-up stops every other model too.
 */
import os from 'node:os';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import { runInGroup, type Env } from '../process.js';
import { LOAD_CHECK_SCRIPT, parseScriptResult } from './python-scripts.js';

export const CHECK_LOAD_CHOICES = ['auto', 'always', 'never'] as const;
export type CheckLoadChoice = (typeof CHECK_LOAD_CHOICES)[number];
export const DEFAULT_CHECK_LOAD_TIMEOUT_S = 300;

export interface LoadCheckInput {
  python: string;
  /** model-settings.json inside the staged version folder. */
  settingsPath: string;
  requestPath?: string;
  timeoutMs: number;
  env: Env;
  log: Logger;
}

interface LoadCheckOutcome {
  ok: boolean;
  step?: string;
  error?: string;
  name?: string;
  version?: string;
  outputs?: string[] | null;
}

export async function checkLoad(input: LoadCheckInput): Promise<{ seconds: number; outputs?: string[] }> {
  const started = Date.now();
  input.log.info(`load check: loading the staged version with MLServer in ${input.python}${input.requestPath ? ', then one inference' : ''}`);
  const progress = setInterval(() => input.log.info(`load check: still loading (${Math.round((Date.now() - started) / 1000)}s)`), 10_000);
  let result;
  try {
    result = await runInGroup(input.python, ['-c', LOAD_CHECK_SCRIPT, input.settingsPath, input.requestPath ?? ''], {
      cwd: os.tmpdir(),
      env: input.env,
      timeoutMs: input.timeoutMs,
    });
  } finally {
    clearInterval(progress);
  }
  const seconds = (Date.now() - started) / 1000;
  if (result.timedOut) {
    throw new ReleaseError('ELOADTIMEOUT', `The load check did not finish within ${input.timeoutMs / 1000}s; nothing was published`);
  }
  const outcome = parseScriptResult<LoadCheckOutcome>(result.stdout);
  if (!outcome) {
    throw new ReleaseError('ELOADFAILED', `The load check ended (exit ${result.exitCode}) before reporting; nothing was published`, tailLines(result.stderr));
  }
  if (!outcome.ok) {
    throw new ReleaseError('ELOADFAILED', `MLServer cannot ${outcome.step ?? 'load the model'}; nothing was published`, tailLines(outcome.error ?? ''));
  }
  input.log.info(`load check: ${outcome.name} ${outcome.version ?? ''} loads${outcome.outputs ? ` and answers the sample request (outputs: ${outcome.outputs.join(', ')})` : ''} in ${seconds.toFixed(1)}s`);
  return { seconds, outputs: outcome.outputs ?? undefined };
}

function tailLines(text: string, count = 12): string[] {
  return text.trim().split('\n').slice(-count);
}
