/**
 * From options to a plan: every input is resolved and checked here, before
 * anything runs, so bad input fails fast (exit 2) and nothing is half done.
 */
import { planSigning, type SigningPlan } from '../signing/sign.js';
import { capabilitiesOf } from '../stores/capabilities.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertReloadUrl } from '../stores/folder.js';
import { canaryPercent } from './rollout.js';
import { ReleaseError } from '../errors.js';
import { isValidBranchName, type Identity } from '../git.js';
import { resolveRepository, type Repository } from '../stores/repository.js';
import type { Logger } from '../log.js';
import { inferencePath, segmentProblems } from '../names.js';
import { defaultExecutedNotebookPath } from '../notebook/execute.js';
import { isPythonIdentifier, type Parameter } from '../notebook/inject.js';
import type { Env } from '../process.js';
import { printableUrl, type Credentials } from '../stores/credentials.js';
import { normalizeModelsPath, parseLayout, reviewBranch, versionFolder, type Layout } from '../publish/layout.js';
import { DEFAULT_NETWORK_TIMEOUT_MS } from '../publish/network.js';
import { parseGate } from '../metrics/gate.js';
import type { ReportPlan } from '../metrics/report.js';
import type { ReleaseContext } from '../providers/types.js';
import { CHECK_LOAD_CHOICES, DEFAULT_CHECK_LOAD_TIMEOUT_S, type CheckLoadChoice } from '../mlserver/load-check.js';
import { chooseMlserverLine, judgeImplementation, probeEnvironment, type EnvironmentProbe } from '../mlserver/probe.js';
import { notebookEnvironment } from '../notebook/environment.js';
import { resolveKernelPython } from '../notebook/kernel.js';
import { readNotebook } from '../notebook/read.js';
import type { MlserverLine } from '../settings/mlserver-schema.js';
import { readSettingsFile } from '../settings/read.js';
import type { ModelSettings } from '../settings/render.js';
import { customRuntimeFile, type RuntimeFile } from '../settings/runtime-files.js';
import { validateSettings } from '../settings/validate.js';
import { commitAuthor } from './author.js';

export const RUNNER_CHOICES = ['auto', 'papermill', 'nbconvert', 'none'] as const;
export type RunnerChoice = (typeof RUNNER_CHOICES)[number];

/** Everything a release can be told. Unset fields fall back to env and then to defaults. */
export interface ReleaseOptions {
  /** Write model.sig (the OpenSSF model-signing format), signed with `signingKey`. */
  sign?: boolean;
  /** An EC private key in PEM (a file); its content is a secret. Without one, --sign is keyless. */
  signingKey?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
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
  /** `git` (default) or `folder`: a plain MLServer model folder, written atomically. */
  target?: 'git' | 'folder' | string;
  /** MLServer to ask to load the new version (folder target), e.g. http://mlserver:8080. */
  reloadUrl?: string;
  /** MLServer to check after publishing: ready, then the sample request. */
  verifyUrl?: string;
  verifyTimeout?: number;
  verifyInterval?: number;
  /** Extra headers for MLServer requests, `Name: value`; values are treated as secrets. */
  verifyHeaders?: string[];
  /** V2 request to send (default: inference-request.json beside the notebook). */
  request?: string;
  /** Expected outputs to compare with. */
  expect?: string;
  /** How the commit is made: `git` (default) or `api` (the host's REST API, no clone). */
  via?: 'git' | 'api' | string;
  /** Land on release/<name>-<version> and open a pull/merge request instead of committing to the branch. */
  review?: boolean;
  /** For self-hosted instances: github or gitlab. */
  hostType?: 'github' | 'gitlab' | string;
  /** REST API base, e.g. https://ghe.example.com/api/v3 or https://gitlab.example.com. */
  apiUrl?: string;
  /** GitLab token kind: private (access tokens), oauth, or job (CI_JOB_TOKEN). */
  tokenType?: 'private' | 'oauth' | 'job' | string;
  /** The MLServer line to validate for: 1.3 to 1.7 (default: the importable mlserver's, else 1.7). */
  mlserverVersion?: string;
  /** Load the staged version with MLServer's own code before publishing (default auto: when mlserver is importable). */
  checkLoad?: CheckLoadChoice | string;
  checkLoadTimeout?: number;
  /** Seconds each network step may take, retries included (default 120). */
  networkTimeout?: number;
  /** name-version (models/<name>-<version>, default) or name/version (models/<name>/<version>). */
  layout?: Layout | string;
  /** A JSON file of metrics the notebook writes, relative to the model dir. */
  metrics?: string;
  /** Which figures to keep: those of cells tagged `report` (default), or of all cells. */
  reportFigures?: 'report' | 'all' | string;
  /** Quality gate: `accuracy>=0.9`, repeatable. */
  require?: string[];
  /** Quality gate: `accuracy[:tolerance]`, not below the baseline. */
  noRegression?: string[];
  /** Compare with this version instead of the default or newest one. */
  baseline?: string;
  /** Object storage endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS). */
  s3Endpoint?: string;
  /** Path-style addressing, for MinIO, Ceph and some R2 set-ups. */
  s3PathStyle?: boolean;
  /** After publishing to object storage, roll the version out on this platform (kserve or seldon). */
  rollout?: string;
  manifestsRepo?: string;
  manifestsToken?: string;
  manifestsPath?: string;
  namespace?: string;
  /** With --rollout: the percent of traffic for the new version. */
  canary?: number | string;
}

export interface ReleasePlan {
  /** --sign: the key model.sig is made with. */
  signing?: SigningPlan;
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
  repo: Repository;
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
  reloadUrl?: string;
  verify?: VerifyPlan;
  via: 'git' | 'api';
  review?: { branch: string; title: string };
  apiUrl?: string;
  tokenType?: 'private' | 'oauth' | 'job';
  mlserverLine: MlserverLine;
  /** The notebook's Python (its kernel's interpreter), when Jupyter knows one. */
  python?: string;
  /** The environment for the notebook and the Python checks: without the tool's credentials. */
  trainingEnv: Env;
  /** Files beside the settings that the model needs to load (a custom runtime). */
  runtimeFiles: RuntimeFile[];
  loadCheck?: { python: string; requestPath?: string; timeoutMs: number };
  networkTimeoutMs: number;
  layout: Layout;
  report: ReportPlan;
  s3Endpoint?: string;
  s3PathStyle?: boolean;
  rollout?: { platform: string; manifestsRepo?: string; manifestsToken?: string; manifestsPath?: string; namespace?: string; canary?: number };
}

export interface VerifyPlan {
  url: string;
  timeoutMs: number;
  intervalMs: number;
  headers: Record<string, string>;
  request: unknown;
  expected?: unknown;
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

  const repository = await resolveRepository(options, env, cwd, log);
  if (options.branch && !(await isValidBranchName(options.branch, { cwd, env }))) {
    throw new ReleaseError('EUSAGE', `--branch "${options.branch}" is not a valid git branch name (git check-ref-format --branch refuses it)`);
  }

  const modelDir = path.resolve(cwd, options.modelDir ?? '.');
  const settingsPath = path.resolve(cwd, options.settings ?? path.join(modelDir, 'model-settings.json'));
  const rawSettings = await readSettingsFile(settingsPath);
  const rawName = (rawSettings as { name?: unknown } | null)?.name;
  const implementation = (rawSettings as { implementation?: unknown } | null)?.implementation;

  // Secrets from headers are registered before the training environment is cut from env.
  const headers = parseHeaders(options.verifyHeaders, log);
  const { env: trainingEnv, removed, refused } = notebookEnvironment(env, log.redactor);
  if (removed.length > 0) log.info(`notebook: runs without ${removed.join(', ')} (credentials stay with the tool; only allow-listed variables and MLSERVER_RELEASE_NOTEBOOK_ENV's names reach the notebook)`);
  for (const name of refused) log.warn(`notebook: MLSERVER_RELEASE_NOTEBOOK_ENV names ${name}, which is not passed`);

  // The kernel the notebook names decides which Python the checks ask.
  const notebookGuess = runner === 'none' ? undefined
    : options.notebook ? path.resolve(cwd, options.notebook)
    : typeof rawName === 'string' ? path.join(modelDir, `${rawName}.ipynb`) : undefined;
  const kernel = await resolveKernelPython(notebookGuess && existsSync(notebookGuess) ? await readNotebook(notebookGuess) : undefined, env);
  const importPath = typeof implementation === 'string' && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(implementation) ? implementation : '';
  const probe: EnvironmentProbe = kernel.python
    ? await probeEnvironment(kernel.python, importPath, modelDir, { ...trainingEnv, PYTHONDONTWRITEBYTECODE: '1' })
    : {};
  const mlserverLine = chooseMlserverLine(options.mlserverVersion, probe.mlserver, log);
  const { settings, name, warnings } = validateSettings(rawSettings, settingsPath, mlserverLine);
  if (importPath) judgeImplementation(importPath, probe.implementation, settingsPath, log);
  const custom = customRuntimeFile(settings.implementation, modelDir);

  let notebookPath: string | undefined;
  let outputNotebook: string | undefined;
  if (runner !== 'none') {
    notebookPath = path.resolve(cwd, options.notebook ?? path.join(modelDir, `${name}.ipynb`));
    if (!existsSync(notebookPath)) {
      throw new ReleaseError('ENOTEBOOKMISSING', `Notebook not found: ${notebookPath}`);
    }
    outputNotebook = options.outputNotebook ? path.resolve(cwd, options.outputNotebook) : defaultExecutedNotebookPath(notebookPath);
    if (path.resolve(outputNotebook) === path.resolve(notebookPath)) {
      throw new ReleaseError('EUSAGE', `--output-notebook is the input notebook ${notebookPath}: the run would overwrite it; choose another file`);
    }
  }
  const loadCheck = planLoadCheck(options, kernel.python, kernel.reason, probe, modelDir, notebookPath, cwd, log);

  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const layout = parseLayout(options.layout);
  const verify = options.verifyUrl
    ? await planVerify(options, options.verifyUrl, headers, path.dirname(notebookPath ?? path.join(modelDir, 'x')), cwd)
    : undefined;
  for (const notice of capabilitiesOf(repository).notices({ via: options.via ?? 'git', review: Boolean(options.review), env })) log.info(notice);
  if (options.reloadUrl && !capabilitiesOf(repository).localFolder) {
    throw new ReleaseError('EUSAGE', '--reload-url is for --target folder (a model volume); a git repository is loaded by whatever syncs it');
  }
  if (options.reloadUrl) assertReloadUrl(options.reloadUrl);
  // A version that should be signed and cannot be is refused before the notebook runs.
  const signing = await planSigning(options, env, cwd, log);
  return {
    signing,
    modelDir,
    settingsPath,
    settings,
    name,
    version,
    folder: versionFolder(modelsPath, name, version, layout),
    layout,
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
    repo: repository,
    credentials: repository.credentials,
    branch: options.branch || undefined,
    modelsPath,
    author: commitAuthor(options),
    message: `Release model ${name} ${version}`,
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
    skipPreflight: options.skipPreflight ?? false,
    context,
    warnings,
    reloadUrl: options.reloadUrl || undefined,
    verify,
    ...planHostAccess(options, repository, name, version, layout),
    mlserverLine,
    networkTimeoutMs: parseNetworkTimeout(options.networkTimeout),
    report: planReport(options, name, version, modelDir),
    s3Endpoint: options.s3Endpoint || undefined,
    s3PathStyle: options.s3PathStyle,
    rollout: planRollout(options, repository),
    python: kernel.python,
    trainingEnv,
    runtimeFiles: custom ? [custom] : [],
    loadCheck,
  };
}

function planLoadCheck(
  options: ReleaseOptions, python: string | undefined, pythonMissing: string | undefined, probe: EnvironmentProbe,
  modelDir: string, notebookPath: string | undefined, cwd: string, log: Logger,
): ReleasePlan['loadCheck'] {
  const choice = options.checkLoad ?? 'auto';
  if (!(CHECK_LOAD_CHOICES as readonly string[]).includes(choice)) {
    throw new ReleaseError('EUSAGE', `Unknown --check-load "${choice}": expected ${CHECK_LOAD_CHOICES.join(', ')}`);
  }
  const timeout = options.checkLoadTimeout ?? DEFAULT_CHECK_LOAD_TIMEOUT_S;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ReleaseError('EUSAGE', `--check-load-timeout must be a positive number of seconds, got ${timeout}`);
  if (choice === 'never') return undefined;
  const where = python ? `the notebook's Python (${python})` : `the notebook's Python (not found: ${pythonMissing})`;
  if (!python || !probe.mlserver) {
    if (choice === 'always') {
      throw new ReleaseError('ENOMLSERVER', `--check-load always needs mlserver importable by ${where}`);
    }
    log.info(`load check: skipped, mlserver is not importable by ${where} (install it there, or pass --check-load never to silence this)`);
    return undefined;
  }
  const candidates = options.request
    ? [path.resolve(cwd, options.request)]
    : [path.join(modelDir, 'inference-request.json'), ...(notebookPath ? [path.join(path.dirname(notebookPath), 'inference-request.json')] : [])];
  return { python, requestPath: candidates.find((file) => existsSync(file)), timeoutMs: timeout * 1000 };
}

function planHostAccess(options: ReleaseOptions, repository: Repository, name: string, version: string, layout: Layout) {
  // --via, --host-type and --token-type choices are checked by the option table (read-options.ts).
  const via = options.via ?? 'git';
  capabilitiesOf(repository).assertApiReachable({ via, review: Boolean(options.review) });
  return {
    via: via as 'git' | 'api',
    review: options.review ? { branch: reviewBranch(name, version, layout), title: `Release model ${name} ${version}` } : undefined,
    apiUrl: options.apiUrl || undefined,
    tokenType: options.tokenType as 'private' | 'oauth' | 'job' | undefined,
  };
}

/** `Name: value` headers for MLServer; the values are secrets (tokens, API keys). */
export function parseHeaders(lines: string[] | undefined, log: Logger): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines ?? []) {
    const colon = line.indexOf(':');
    // Its value is a secret: the message names neither it nor any part of it.
    if (colon <= 0) throw new ReleaseError('EUSAGE', `a --verify-header (${line.length} characters, not shown) is not of the form 'Name: value'`);
    const value = line.slice(colon + 1).trim();
    log.redactor.add(value);
    headers[line.slice(0, colon).trim()] = value;
  }
  return headers;
}

async function readJsonFile(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ReleaseError('EUSAGE', `${what} ${file} does not exist`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ReleaseError('EUSAGE', `${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function planVerify(
  options: Pick<ReleaseOptions, 'verifyTimeout' | 'verifyInterval' | 'request' | 'expect'>,
  url: string,
  headers: Record<string, string>,
  requestDir: string,
  cwd: string,
): Promise<VerifyPlan> {
  const timeout = options.verifyTimeout ?? 600;
  const interval = options.verifyInterval ?? 5;
  if (!(timeout > 0) || !(interval > 0)) throw new ReleaseError('EUSAGE', '--verify-timeout and --verify-interval must be positive numbers of seconds');
  if (!/^https?:\/\//.test(url)) throw new ReleaseError('EUSAGE', `--verify-url must be an http(s) URL, got "${printableUrl(url)}"`);
  // fetch refuses a URL with user info; say so now, not after --verify-timeout of refused attempts.
  if (/^https?:\/\/[^/]*@/i.test(url)) throw new ReleaseError('EUSAGE', `--verify-url "${printableUrl(url)}" holds credentials: pass them as --verify-header 'Authorization: ...' instead`);
  const requestPath = options.request ? path.resolve(cwd, options.request) : path.join(requestDir, 'inference-request.json');
  return {
    url,
    timeoutMs: timeout * 1000,
    intervalMs: interval * 1000,
    headers,
    request: await readJsonFile(requestPath, 'The sample inference request'),
    expected: options.expect ? await readJsonFile(path.resolve(cwd, options.expect), 'The expected outputs file') : undefined,
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
  // `default --version newest` means the newest published version, so no version may be called that.
  const problems = [...segmentProblems(version, 'version'), ...(version === 'newest' ? ['"newest" is reserved: `default --version newest` means the newest published version'] : [])];
  if (problems.length > 0) throw new ReleaseError('EINVALIDVERSION', `Invalid version "${version}"`, problems);
  return version;
}

// Python 3's keyword.kwlist (and the soft keywords that cannot be assigned safely are not in it).
const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
  'raise', 'return', 'try', 'while', 'with', 'yield']);

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
    if (PYTHON_KEYWORDS.has(name)) throw new ReleaseError('EPARAM', `--param name "${name}" is a Python keyword, so the notebook could not assign it`);
    if (name === 'version' || name === 'model_name') {
      throw new ReleaseError('EPARAM', `--param ${name} is set by the release itself (from --version and the model name)`);
    }
    return { name, value, raw: false };
  });
}

function planRollout(options: ReleaseOptions, repository: Repository): ReleasePlan['rollout'] {
  if (!options.rollout) {
    if (options.canary !== undefined) throw new ReleaseError('EUSAGE', '--canary goes with --rollout kserve|seldon');
    return undefined;
  }
  if (options.rollout !== 'kserve' && options.rollout !== 'seldon') throw new ReleaseError('EUSAGE', `--rollout must be kserve or seldon, got "${options.rollout}"`);
  if (!capabilitiesOf(repository).storageUri) throw new ReleaseError('EUSAGE', '--rollout needs the version in object storage: --target s3 --repo s3://bucket/prefix (KServe and Seldon read a storageUri)');
  const canary = options.canary === undefined ? undefined : canaryPercent(options.canary);
  return { platform: options.rollout, manifestsRepo: options.manifestsRepo, manifestsToken: options.manifestsToken, manifestsPath: options.manifestsPath, namespace: options.namespace, canary };
}

function planReport(options: ReleaseOptions, model: string, version: string, modelDir: string): ReportPlan {
  const figures = options.reportFigures ?? 'report';
  if (figures !== 'report' && figures !== 'all') throw new ReleaseError('EUSAGE', `Unknown --report-figures "${figures}": expected report or all`);
  if (options.baseline !== undefined) {
    const problems = segmentProblems(options.baseline, '--baseline');
    if (problems.length > 0) throw new ReleaseError('EUSAGE', `Invalid --baseline "${options.baseline}"`, problems);
  }
  return {
    model, version, modelDir, metricsFile: options.metrics || undefined, figures, baseline: options.baseline || undefined, branch: options.branch || undefined,
    // Parsed now, so a gate that cannot be read fails before the notebook runs.
    gate: parseGate(options.require, options.noRegression),
  };
}

function parseNetworkTimeout(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_NETWORK_TIMEOUT_MS;
  if (!Number.isFinite(seconds) || seconds <= 0) throw new ReleaseError('EUSAGE', `--network-timeout must be a positive number of seconds, got ${seconds}`);
  return seconds * 1000;
}

function parseTimeout(timeout: number | undefined): number | undefined {
  if (timeout === undefined) return undefined;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ReleaseError('EUSAGE', `--timeout must be a positive number of seconds, got ${timeout}`);
  return timeout;
}
