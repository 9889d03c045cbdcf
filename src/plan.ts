/**
 * From options to a plan: every input is resolved and checked here, before
 * anything runs, so bad input fails fast (exit 2) and nothing is half done.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReleaseError } from './errors.js';
import { repositoryRootAt, type Identity } from './git.js';
import type { Logger } from './log.js';
import { inferencePath, segmentProblems } from './names.js';
import { defaultExecutedNotebookPath } from './notebook/execute.js';
import { isPythonIdentifier, type Parameter } from './notebook/inject.js';
import type { RunnerName } from './notebook/runners.js';
import type { Env } from './process.js';
import {
  detectHostKind, maskCredentials, parseRepoLocation, resolveCredentials, type Credentials, type HostKind,
} from './publish/credentials.js';
import { normalizeModelsPath, versionFolder } from './publish/layout.js';
import type { ReleaseContext } from './providers/types.js';
import { readSettingsFile, validateSettings, type ModelSettings } from './settings.js';

export const RUNNER_CHOICES = ['auto', 'papermill', 'nbconvert', 'none'] as const;
export type RunnerChoice = (typeof RUNNER_CHOICES)[number];

/** Everything a release can be told. Unset fields fall back to env and then to defaults. */
export interface ReleaseOptions {
  modelDir?: string;
  settings?: string;
  notebook?: string;
  version?: string;
  repo?: string;
  token?: string;
  branch?: string;
  modelsPath?: string;
  runner?: RunnerChoice | string;
  /** `key=value` strings, or an object. */
  params?: string[] | Record<string, string>;
  outputNotebook?: string;
  timeout?: number;
  gitUserName?: string;
  gitUserEmail?: string;
  dryRun?: boolean;
  force?: boolean;
  skipPreflight?: boolean;
}

export interface ReleasePlan {
  modelDir: string;
  settingsPath: string;
  settings: ModelSettings;
  name: string;
  version: string;
  folder: string;
  endpoint: string;
  runner: RunnerChoice;
  notebookPath?: string;
  outputNotebook?: string;
  parameters: Parameter[];
  timeoutSeconds?: number;
  repo: { url: string; isHttp: boolean; hostKind: HostKind };
  credentials?: Credentials;
  branch?: string;
  modelsPath: string;
  author: Identity;
  message: string;
  dryRun: boolean;
  force: boolean;
  skipPreflight: boolean;
  context: ReleaseContext;
  warnings: string[];
}

export interface PlanInput {
  options: ReleaseOptions;
  context: ReleaseContext;
  env: Env;
  cwd: string;
  log: Logger;
}

export async function planRelease({ options, context, env, cwd, log }: PlanInput): Promise<ReleasePlan> {
  const runner = parseRunner(options.runner ?? 'auto');
  const version = resolveVersion(options.version, context);
  const parameters = parseParams(options.params);
  const timeoutSeconds = parseTimeout(options.timeout);

  // Credentials are registered for redaction before any later step can print them.
  const repoInput = options.repo || env.MLSERVER_REPO;
  if (!repoInput) throw new ReleaseError('EREPOMISSING', 'No model repository given: --repo (or MLSERVER_REPO) is required');
  const location = parseRepoLocation(repoInput);
  const hostKind = detectHostKind(location.url, env);
  const credentials = resolveCredentials(location, options.token || env.MLSERVER_REPO_TOKEN, hostKind);
  maskCredentials(credentials, log.redactor);
  const repoUrl = await resolveRepo(location.url, location.isHttp, env, cwd);

  const modelDir = path.resolve(cwd, options.modelDir ?? '.');
  const settingsPath = path.resolve(cwd, options.settings ?? path.join(modelDir, 'model-settings.json'));
  const { settings, warnings } = validateSettings(await readSettingsFile(settingsPath), settingsPath);
  const name = settings.name;

  let notebookPath: string | undefined;
  let outputNotebook: string | undefined;
  if (runner !== 'none') {
    notebookPath = path.resolve(cwd, options.notebook ?? path.join(modelDir, `${name}.ipynb`));
    if (!existsSync(notebookPath)) {
      throw new ReleaseError('ENOTEBOOKMISSING', `Notebook not found: ${notebookPath}`);
    }
    outputNotebook = options.outputNotebook ? path.resolve(cwd, options.outputNotebook) : defaultExecutedNotebookPath(notebookPath);
  }

  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  return {
    modelDir,
    settingsPath,
    settings,
    name,
    version,
    folder: versionFolder(modelsPath, name, version),
    endpoint: inferencePath(name, version),
    runner,
    notebookPath,
    outputNotebook,
    // version and model_name are strings whatever they look like ("1.0" stays "1.0").
    parameters: [
      { name: 'version', value: version, raw: true },
      { name: 'model_name', value: name, raw: true },
      ...parameters,
    ],
    timeoutSeconds,
    repo: { url: repoUrl, isHttp: location.isHttp, hostKind },
    credentials,
    branch: options.branch || undefined,
    modelsPath,
    author: {
      name: options.gitUserName || env.GIT_USER_NAME || 'mlserver-release',
      email: options.gitUserEmail || env.GIT_USER_EMAIL || 'mlserver-release@users.noreply.localhost',
    },
    message: `Release model ${name} ${version}`,
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
    skipPreflight: options.skipPreflight ?? false,
    context,
    warnings,
  };
}

function parseRunner(value: string): RunnerChoice {
  if ((RUNNER_CHOICES as readonly string[]).includes(value)) return value as RunnerChoice;
  throw new ReleaseError('ERUNNERUNKNOWN', `Unknown runner "${value}": expected one of ${RUNNER_CHOICES.join(', ')}`);
}

function resolveVersion(explicit: string | undefined, context: ReleaseContext): string {
  const version = explicit ?? context.tag;
  if (version === undefined) {
    throw new ReleaseError('ENOVERSION', 'No version given: pass --version, or run on a git tag');
  }
  const problems = segmentProblems(version, 'version');
  if (problems.length > 0) throw new ReleaseError('EINVALIDVERSION', `Invalid version "${version}"`, problems);
  return version;
}

function parseParams(params: ReleaseOptions['params']): Parameter[] {
  if (!params) return [];
  const pairs: Array<[string, string]> = Array.isArray(params)
    ? params.map((entry) => {
        const eq = entry.indexOf('=');
        if (eq <= 0) throw new ReleaseError('EPARAM', `--param "${entry}" is not of the form key=value`);
        return [entry.slice(0, eq).trim(), entry.slice(eq + 1)];
      })
    : Object.entries(params);
  return pairs.map(([name, value]) => {
    if (!isPythonIdentifier(name)) throw new ReleaseError('EPARAM', `--param name "${name}" is not a Python identifier`);
    if (name === 'version' || name === 'model_name') {
      throw new ReleaseError('EPARAM', `--param ${name} is set by the release itself (from --version and the model name)`);
    }
    return { name, value, raw: false };
  });
}

function parseTimeout(timeout: number | undefined): number | undefined {
  if (timeout === undefined) return undefined;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ReleaseError('EUSAGE', `--timeout must be a positive number of seconds, got ${timeout}`);
  return timeout;
}

/** A local path must already be a git repository; URLs are checked by the preflight. */
async function resolveRepo(url: string, isHttp: boolean, env: Env, cwd: string): Promise<string> {
  if (isHttp || /^(ssh|git|file):\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url)) return url;
  const dir = path.resolve(cwd, url);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ReleaseError('EREPONOTFOUND', `--repo ${dir} does not exist`);
  }
  // Compare real paths: a plain folder inside some other checkout is not a repository of its own.
  const root = await repositoryRootAt({ cwd: dir, env: { ...env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
  if (!root || realpathSync(root) !== realpathSync(dir)) {
    throw new ReleaseError('EREPONOTFOUND', `--repo ${dir} is not a git repository`);
  }
  return dir;
}
