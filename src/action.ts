/**
 * The GitHub Action: action inputs -> ReleaseOptions, and the result -> step
 * outputs and the job summary (through the GitHub provider). Inputs mirror the
 * CLI options; this file alone reads them.
 */
import * as core from '@actions/core';
import { defaultCommand } from './default-version.js';
import { EXIT, exitCodeOf, formatError, isReleaseError, ReleaseError } from './errors.js';
import { promote, type PromoteOptions } from './promote.js';
import { rollout } from './rollout.js';
import { Logger, type Writable } from './log.js';
import type { ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import { github } from './providers/github.js';
import { embeddedSecrets } from './publish/credentials.js';
import { Redactor } from './redact.js';
import { release } from './release.js';

const text = (name: string): string | undefined => core.getInput(name) || undefined;

function flag(name: string): boolean | undefined {
  return core.getInput(name) === '' ? undefined : core.getBooleanInput(name);
}

function seconds(name: string): number | undefined {
  const value = text(name);
  return value === undefined ? undefined : Number(value);
}

/** Every input in action.yml and the option it sets; a test keeps the two in step. */
export const ACTION_INPUTS: Record<string, () => Partial<ReleaseOptions>> = {
  repo: () => ({ repo: text('repo') }),
  token: () => ({ token: text('token') }),
  version: () => ({ version: text('version') }),
  'model-dir': () => ({ modelDir: text('model-dir') }),
  settings: () => ({ settings: text('settings') }),
  notebook: () => ({ notebook: text('notebook') }),
  branch: () => ({ branch: text('branch') }),
  'models-path': () => ({ modelsPath: text('models-path') }),
  runner: () => ({ runner: text('runner') }),
  params: () => ({ params: core.getMultilineInput('params').filter((line) => line.trim() !== '') }),
  'output-notebook': () => ({ outputNotebook: text('output-notebook') }),
  timeout: () => ({ timeout: seconds('timeout') }),
  'git-user-name': () => ({ gitUserName: text('git-user-name') }),
  'git-user-email': () => ({ gitUserEmail: text('git-user-email') }),
  'dry-run': () => ({ dryRun: flag('dry-run') }),
  force: () => ({ force: flag('force') }),
  'skip-preflight': () => ({ skipPreflight: flag('skip-preflight') }),
  target: () => ({ target: text('target') }),
  via: () => ({ via: text('via') }),
  layout: () => ({ layout: text('layout') }),
  metrics: () => ({ metrics: text('metrics') }),
  'report-figures': () => ({ reportFigures: text('report-figures') }),
  require: () => ({ require: core.getMultilineInput('require').filter((line) => line.trim() !== '') }),
  'no-regression': () => ({ noRegression: core.getMultilineInput('no-regression').filter((line) => line.trim() !== '') }),
  baseline: () => ({ baseline: text('baseline') }),
  review: () => ({ review: flag('review') }),
  'host-type': () => ({ hostType: text('host-type') }),
  'api-url': () => ({ apiUrl: text('api-url') }),
  'mlserver-version': () => ({ mlserverVersion: text('mlserver-version') }),
  'check-load': () => ({ checkLoad: text('check-load') }),
  'check-load-timeout': () => ({ checkLoadTimeout: seconds('check-load-timeout') }),
  'network-timeout': () => ({ networkTimeout: seconds('network-timeout') }),
  rollout: () => ({ rollout: text('rollout') }),
  'manifests-repo': () => ({ manifestsRepo: text('manifests-repo') }),
  'manifests-token': () => ({ manifestsToken: text('manifests-token') }),
  'manifests-path': () => ({ manifestsPath: text('manifests-path') }),
  namespace: () => ({ namespace: text('namespace') }),
  canary: () => ({ canary: text('canary') }),
  's3-endpoint': () => ({ s3Endpoint: text('s3-endpoint') }),
  's3-path-style': () => ({ s3PathStyle: flag('s3-path-style') }),
  'reload-url': () => ({ reloadUrl: text('reload-url') }),
  'verify-url': () => ({ verifyUrl: text('verify-url') }),
  'verify-timeout': () => ({ verifyTimeout: seconds('verify-timeout') }),
  'verify-headers': () => ({ verifyHeaders: core.getMultilineInput('verify-headers').filter((line) => line.trim() !== '') }),
  request: () => ({ request: text('request') }),
  expect: () => ({ expect: text('expect') }),
};

/** Inputs of the promote and default commands, besides the release inputs they share. */
export const COMMAND_INPUTS = [
  'command', 'model', 'make-default', 'platform', 'storage-uri', 'store-repo', 'rollout-step',
  ...(['from', 'to'] as const).flatMap((side) => [side, `${side}-token`, `${side}-target`, `${side}-via`, `${side}-branch`]),
];

export function readPromoteInputs(): PromoteOptions {
  const release = readActionInputs();
  const side = (name: 'from' | 'to') => ({
    repo: text(name), token: text(`${name}-token`), target: text(`${name}-target`), via: text(`${name}-via`), branch: text(`${name}-branch`),
    hostType: release.hostType, apiUrl: release.apiUrl,
  });
  return {
    version: release.version, model: text('model'), modelDir: release.modelDir, settings: release.settings, from: side('from'), to: side('to'),
    modelsPath: release.modelsPath, layout: release.layout, makeDefault: flag('make-default'), review: release.review, force: release.force,
    dryRun: release.dryRun, gitUserName: release.gitUserName, gitUserEmail: release.gitUserEmail, networkTimeout: release.networkTimeout,
    verifyUrl: release.verifyUrl, verifyTimeout: release.verifyTimeout, verifyHeaders: release.verifyHeaders, request: release.request, expect: release.expect,
  };
}

export function readActionInputs(): ReleaseOptions {
  return Object.values(ACTION_INPUTS).reduce<ReleaseOptions>((options, read) => ({ ...options, ...read() }), {});
}

/** True when GitHub's runner started us as a `uses:` step (it sets INPUT_* variables). */
export function isActionRun(env: Env): boolean {
  return env.GITHUB_ACTIONS === 'true' && Object.keys(env).some((key) => key.startsWith('INPUT_'));
}

export interface ActionIO {
  env: Env;
  cwd: string;
  stderr: Writable;
}

/** Runs the Action; returns the documented exit code. */
export async function runAction(io: ActionIO): Promise<number> {
  const redactor = new Redactor((spelling) => github.maskSecret(spelling));
  const log = new Logger({ stream: io.stderr, redactor, style: github.logStyle({ env: io.env, isTTY: false }) });
  try {
    // Mask first: nothing below may print the token before the runner knows to hide it.
    redactor.add(core.getInput('token'));
    redactor.add(io.env.MLSERVER_REPO_TOKEN);
    for (const secret of [...embeddedSecrets(core.getInput('repo')), ...embeddedSecrets(io.env.MLSERVER_REPO)]) redactor.add(secret);
    for (const header of core.getMultilineInput('verify-headers')) redactor.add(header.slice(header.indexOf(':') + 1).trim());
    for (const name of ['from-token', 'to-token', 'manifests-token']) redactor.add(core.getInput(name));
    for (const name of ['MLSERVER_STAGING_TOKEN', 'MLSERVER_PRODUCTION_TOKEN']) redactor.add(io.env[name]);
    const runtime = { env: io.env, cwd: io.cwd, log, provider: github };
    const command = core.getInput('command') || 'release';
    if (command === 'default') {
      const options = readActionInputs();
      const set = await defaultCommand({ ...options, model: text('model'), verifyHeaders: options.verifyHeaders }, runtime);
      for (const [name, value] of Object.entries({ model: set.model, version: set.version, folder: set.folder, commit: set.commit ?? '', endpoint: set.endpoint })) core.setOutput(name, value);
      log.info(`default: ${set.endpoint} serves ${set.model} ${set.version}`);
      return EXIT.ok;
    }
    if (command === 'rollout') {
      const options = readActionInputs();
      const step = text('rollout-step') ?? 'deploy';
      if (!['deploy', 'canary', 'promote', 'rollback'].includes(step)) throw new ReleaseError('EUSAGE', `Unknown rollout-step "${step}": expected deploy, canary, promote or rollback`);
      const done = await rollout({
        platform: text('platform'), version: options.version, model: text('model'), modelDir: options.modelDir, settings: options.settings,
        storageUri: text('storage-uri'), storeRepo: text('store-repo'), modelsPath: options.modelsPath, layout: options.layout,
        manifestsRepo: options.manifestsRepo, manifestsToken: options.manifestsToken, manifestsPath: options.manifestsPath, namespace: options.namespace,
        canary: step === 'canary' ? options.canary ?? 10 : undefined, promote: step === 'promote', rollback: step === 'rollback', review: options.review,
        hostType: options.hostType, apiUrl: options.apiUrl, gitUserName: options.gitUserName, gitUserEmail: options.gitUserEmail,
      }, runtime);
      for (const [name, value] of Object.entries({ model: done.model, version: done.version, commit: done.commit ?? '', 'review-url': done.reviewUrl ?? '', 'storage-uri': done.storageUri })) core.setOutput(name, value);
      log.info(`rollout: ${done.summary}`);
      return EXIT.ok;
    }
    if (command !== 'release' && command !== 'promote') throw new ReleaseError('EUSAGE', `Unknown command input "${command}": expected release, promote, default or rollout`);
    const result = command === 'promote' ? await promote(readPromoteInputs(), runtime) : await release(readActionInputs(), runtime);
    await github.publishResult(result, { env: io.env, cwd: io.cwd, log });
    log.info(`${result.status}: ${result.model} ${result.version} -> ${result.folder} (POST ${result.endpoint})`);
    return EXIT.ok;
  } catch (error) {
    log.error(formatError(error), isReleaseError(error) ? { file: error.file, line: error.position?.line, column: error.position?.column } : undefined);
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
