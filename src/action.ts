/**
 * The GitHub Action: the `command` input picks the verb (any of the eight), the
 * other inputs are its options, read by the same table as argv (action.yml is
 * generated from it), and the verb's report becomes step outputs and the job
 * summary, on failure too. Glue only.
 */
import * as core from '@actions/core';
import { runVerb } from './commands/index.js';
import { EXIT, exitCodeOf, formatError, isReleaseError } from './errors.js';
import { Logger, type Writable } from './log.js';
import { inputName, optionsOf, COMMANDS, type Command, type OptionsOf } from './options.js';
import type { Env } from './process.js';
import { github } from './providers/github.js';
import { commandFromInputs, optionsFromInputs } from './read-options.js';
import { Redactor } from './redact.js';
import { failureReport, reportOf } from './reports.js';
import { learnEnvSecrets, learnOptionSecrets } from './secrets.js';

/** Every input the Action reads: `command`, then each option's input, once. */
export function actionInputs(): string[] {
  const names = new Set<string>(['command']);
  for (const command of COMMANDS) for (const row of optionsOf(command)) {
    const input = inputName(row);
    if (input) names.add(input);
  }
  return [...names];
}

/** The release options as the runner passes them in env (INPUT_*); the command is the `command` input's. */
export function readActionInputs(env: Env = process.env): OptionsOf<'release'> {
  return optionsFromInputs('release', env);
}

/**
 * True when GitHub's runner started us as a `uses:` step: `node dist/index.js`
 * with no arguments, and the `command` input set (the runner passes every input
 * of action.yml, and `command` has a default). Arguments mean the command line,
 * even inside a step whose own action left INPUT_* variables in the environment.
 */
export function isActionRun(env: Env, args: string[] = []): boolean {
  return env.GITHUB_ACTIONS === 'true' && args.length === 0 && env.INPUT_COMMAND !== undefined;
}

export interface ActionIO {
  env: Env;
  cwd: string;
  stderr: Writable;
}

/** Runs the Action; returns the documented exit code. */
export async function runAction(io: ActionIO): Promise<number> {
  const redactor = new Redactor((spelling) => io.stderr.write(`${github.maskSecret(spelling)}\n`));
  const log = new Logger({ stream: io.stderr, redactor, style: github.logStyle({ env: io.env, isTTY: false }) });
  const runtime = { env: io.env, cwd: io.cwd, log, provider: github };
  let command: Command | undefined;
  // Mask first: nothing below may print a secret before the runner knows to hide it.
  learnEnvSecrets(redactor, io.env);
  try {
    command = commandFromInputs(io.env);
    const options = optionsFromInputs(command, io.env);
    learnOptionSecrets(redactor, command, options);
    const result = await runVerb(command, options, runtime);
    const report = reportOf(command, result, io.env);
    await github.publishReport(report, runtime);
    log.info(report.headline);
    return EXIT.ok;
  } catch (error) {
    log.error(formatError(error), isReleaseError(error) ? { file: error.file, line: error.position?.line, column: error.position?.column } : undefined);
    try {
      await github.publishReport(failureReport(command ?? 'release', error), runtime);
    } catch (reportError) {
      log.warn(`could not write the step's outputs and summary of the failure: ${(reportError as Error).message}`);
    }
    return exitCodeOf(error);
  }
}

/**
 * The Action's logic in GitHub's template shape, `run()` reading the step's
 * environment, so GitHub's local runner emulation (@github/local-action) can run
 * it from source. A failure fails the step through @actions/core.
 */
export async function run(): Promise<void> {
  const code = await runAction({ env: process.env, cwd: process.cwd(), stderr: process.stdout });
  if (code !== EXIT.ok) core.setFailed(`mlserver-release exited with ${code}`);
  process.exitCode = code;
}
