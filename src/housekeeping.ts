/**
 * The commands beside `release`: list what a model repository holds, prune old
 * versions, and verify a served version on its own. Like release(), each takes
 * options plus an injected runtime and returns a plain result.
 */
import path from 'node:path';
import { ReleaseError } from './errors.js';
import { silentLogger, type Logger } from './log.js';
import { groupByModel, listAtTip, listFolderRepository, listGitRepository, type ModelVersions, type PublishedVersion } from './inventory.js';
import { segmentProblems } from './names.js';
import { parseHeaders, planVerify, type ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import { removeFolders, workFolders } from './publish/folder-transport.js';
import { commitWithRetry, withGitSession, type SessionInput } from './publish/git-session.js';
import { normalizeModelsPath } from './publish/layout.js';
import { replaceFolder } from './publish/tree.js';
import type { BackoffOptions } from './publish/retry.js';
import { detectProvider } from './providers/index.js';
import { resolveRepository, type Repository } from './repository.js';
import { readSettingsFile } from './settings/read.js';
import { modelNameIn } from './settings/validate.js';
import { verifyServed, type VerifyResult } from './verify.js';

export interface HousekeepingRuntime {
  env?: Env;
  cwd?: string;
  log?: Logger;
  backoff?: BackoffOptions;
}

export interface ListOptions {
  repo?: string;
  token?: string;
  target?: string;
  hostType?: string;
  branch?: string;
  modelsPath?: string;
  /** Only this model. */
  model?: string;
  /** Seconds each network step may take (default 120). */
  networkTimeout?: number;
}

export interface ListResult {
  models: ModelVersions[];
  warnings: string[];
}

function runtimeDefaults(runtime: HousekeepingRuntime) {
  return { env: runtime.env ?? process.env, cwd: runtime.cwd ?? process.cwd(), log: runtime.log ?? silentLogger() };
}

function sessionInput(repository: Repository, branch: string | undefined, env: Env, log: Logger, backoff?: BackoffOptions, networkTimeout?: number): SessionInput {
  return { url: repository.url, credentials: repository.credentials, branch, env, log, backoff, networkTimeoutMs: networkTimeout === undefined ? undefined : networkTimeout * 1000 };
}

/** Warns where MLServer's default for unversioned URLs is not the newest version. */
function defaultVersionWarnings(models: ModelVersions[]): string[] {
  return models
    .filter((m) => m.mlserverDefault !== m.newest)
    .map((m) => `${m.model}: MLServer serves ${m.mlserverDefault} for URLs without a version (it compares versions as text), but the newest is ${m.newest}. Always call /v2/models/${m.model}/versions/<version>/infer.`);
}

export async function listVersions(options: ListOptions, runtime: HousekeepingRuntime = {}): Promise<ListResult> {
  const { env, cwd, log } = runtimeDefaults(runtime);
  const repository = await resolveRepository(options, env, cwd, log);
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const entries = repository.target === 'folder'
    ? await listFolderRepository(repository.url, modelsPath)
    : await listGitRepository(sessionInput(repository, options.branch, env, log, runtime.backoff, options.networkTimeout), modelsPath);
  const models = groupByModel(entries, options.model);
  const warnings = defaultVersionWarnings(models);
  if (repository.target === 'folder') {
    for (const leftover of await workFolders(path.join(repository.url, modelsPath))) {
      warnings.push(`${leftover.path} was left by an interrupted run ${Math.round(leftover.ageMs / 60000)} min ago; the next publish to this folder removes it`);
    }
  }
  for (const warning of warnings) log.warn(warning);
  return { models, warnings };
}

export interface PruneOptions extends ListOptions {
  keep: number;
  /** Without it, only show what would be removed. */
  yes?: boolean;
  /** Versions never removed. */
  protect?: string[];
  gitUserName?: string;
  gitUserEmail?: string;
}

export interface PruneResult {
  removed: PublishedVersion[];
  applied: boolean;
  commit?: string;
}

/** Everything but the newest `keep` versions of each model, sparing protected ones. */
export function planPrune(models: ModelVersions[], keep: number, protect: string[]): PublishedVersion[] {
  return models.flatMap((m) => m.versions.slice(0, Math.max(0, m.versions.length - keep)).filter((v) => !protect.includes(v.version)));
}

export async function pruneVersions(options: PruneOptions, runtime: HousekeepingRuntime = {}): Promise<PruneResult> {
  const { env, cwd, log } = runtimeDefaults(runtime);
  // At least one version always stays, so a model never disappears from MLServer.
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new ReleaseError('EUSAGE', `--keep must be a whole number of at least 1, got ${options.keep}`);
  const protect = options.protect ?? [];
  const repository = await resolveRepository(options, env, cwd, log);
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const describe = (removed: PublishedVersion[]) => {
    if (removed.length === 0) log.info('prune: nothing to remove');
    for (const v of removed) log.info(`prune: ${options.yes ? 'removing' : 'would remove'} ${v.model} ${v.version} (${v.folder})`);
  };

  if (repository.target === 'folder') {
    const removed = planPrune(groupByModel(await listFolderRepository(repository.url, modelsPath), options.model), options.keep, protect);
    describe(removed);
    if (options.yes) await removeFolders(repository.url, removed.map((v) => v.folder));
    return { removed, applied: Boolean(options.yes) && removed.length > 0 };
  }

  const input = sessionInput(repository, options.branch, env, log, runtime.backoff, options.networkTimeout);
  return withGitSession(input, async (session) => {
    let removed: PublishedVersion[] = [];
    const outcome = await commitWithRetry<null>(session, input, 'pruning', async (tip) => {
      const entries = tip ? await listAtTip(tip, modelsPath, session.ctx) : [];
      removed = planPrune(groupByModel(entries, options.model), options.keep, protect);
      if (!options.yes || removed.length === 0 || !tip) return { done: null };
      let tree = `${tip}^{tree}`;
      for (const version of removed) tree = await replaceFolder(tree, version.folder, undefined, session.ctx);
      const message = [`Prune models: remove ${removed.length} version${removed.length > 1 ? 's' : ''}`, '', ...removed.map((v) => `- ${v.model} ${v.version}`)].join('\n');
      const author = { name: options.gitUserName || env.GIT_USER_NAME || 'mlserver-release', email: options.gitUserEmail || env.GIT_USER_EMAIL || 'mlserver-release@users.noreply.localhost' };
      return { tree, message, author };
    });
    describe(removed);
    return 'done' in outcome ? { removed, applied: false } : { removed, applied: true, commit: outcome.commit };
  });
}

export interface VerifyOptions extends Pick<ReleaseOptions, 'modelDir' | 'settings' | 'version' | 'verifyTimeout' | 'verifyInterval' | 'verifyHeaders' | 'request' | 'expect'> {
  verifyUrl: string;
  /** The model name; default: "name" in model-settings.json. */
  model?: string;
}

/** Checks a served version on its own: ready, then the sample request. */
export async function verifyVersion(options: VerifyOptions, runtime: HousekeepingRuntime = {}): Promise<VerifyResult & { model: string; version: string }> {
  const { env, cwd, log } = runtimeDefaults(runtime);
  const modelDir = path.resolve(cwd, options.modelDir ?? '.');
  const model = options.model ?? await modelNameFromSettings(path.resolve(cwd, options.settings ?? path.join(modelDir, 'model-settings.json')));
  const version = options.version ?? (await detectProvider(env).context({ env, cwd })).tag;
  if (!version) throw new ReleaseError('ENOVERSION', 'No version given: pass --version, or run on a git tag');
  const problems = [...segmentProblems(model, 'model'), ...segmentProblems(version, 'version')];
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'Invalid model or version', problems);
  const headers = parseHeaders(options.verifyHeaders, log);
  const plan = await planVerify(options, options.verifyUrl, headers, modelDir, cwd);
  const result = await verifyServed({ ...plan, model, version, log });
  return { ...result, model, version };
}

async function modelNameFromSettings(file: string): Promise<string> {
  return modelNameIn(await readSettingsFile(file), file);
}
