/**
 * The one place that picks a model store: from --repo, --target, --via and
 * --host-type. Everything after this talks to the ModelStore interface only.
 */
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { createHostApi } from './api/client.js';
import type { GitlabTokenKind } from './api/gitlab.js';
import type { BackoffOptions } from '../publish/retry.js';
import { resolveRepository, type Repository, type RepositoryOptions } from './repository.js';
import { guardedStore } from './boundary.js';
import { folderStore } from './folder.js';
import { gitStore } from './git.js';
import { hostApiStore } from './host-api.js';
import { s3Store } from './s3.js';
import type { ModelStore } from './types.js';

export interface StoreChoice {
  repository: Repository;
  via: 'git' | 'api';
  branch?: string;
  modelsPath: string;
  apiUrl?: string;
  tokenType?: GitlabTokenKind;
  /** Build the host API client too (review mode on a git store). */
  needsReviews?: boolean;
  /** Object storage: endpoint (MinIO, Ceph, R2) and path-style addressing. */
  s3Endpoint?: string;
  s3PathStyle?: boolean;
  networkTimeoutMs?: number;
}

export interface StoreRuntime {
  env: Env;
  cwd: string;
  log: Logger;
  backoff?: BackoffOptions;
}

/** The store for `choice`, behind the one boundary every store's contents cross (boundary.ts). */
export function resolveStore(choice: StoreChoice, runtime: StoreRuntime): ModelStore {
  return guardedStore(storeOfKind(choice, runtime));
}

function storeOfKind(choice: StoreChoice, runtime: StoreRuntime): ModelStore {
  const { repository } = choice;
  if (repository.target === 'folder') return folderStore({ root: repository.url, modelsPath: choice.modelsPath, log: runtime.log });
  if (repository.target === 's3') {
    const env = runtime.env;
    return s3Store({
      url: repository.url, env, modelsPath: choice.modelsPath, log: runtime.log, backoff: runtime.backoff, networkTimeoutMs: choice.networkTimeoutMs,
      endpoint: choice.s3Endpoint || env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL,
      // MLSERVER_RELEASE_S3_PATH_STYLE reaches here as s3PathStyle, through the option table's env rule.
      pathStyle: choice.s3PathStyle ?? false,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION,
    });
  }
  const hostApi = () =>
    createHostApi({
      repoUrl: repository.url, hostKind: repository.hostKind, token: repository.credentials?.token, apiUrl: choice.apiUrl, gitlabTokenKind: choice.tokenType,
      env: runtime.env, backoff: runtime.backoff, timeoutMs: choice.networkTimeoutMs, onWait: (message) => runtime.log.info(message),
    });
  if (choice.via === 'api') {
    if (!repository.isHttp || repository.hostKind === 'generic') {
      throw new ReleaseError('EUSAGE', `--via api needs a GitHub or GitLab https URL, got ${repository.url}; use --via git for this repository (or --host-type for a self-hosted instance)`);
    }
    return hostApiStore({ api: hostApi(), location: repository.url, branch: choice.branch, modelsPath: choice.modelsPath, log: runtime.log, backoff: runtime.backoff });
  }
  return gitStore({
    url: repository.url, isHttp: repository.isHttp, credentials: repository.credentials, branch: choice.branch, modelsPath: choice.modelsPath,
    env: runtime.env, cwd: runtime.cwd, log: runtime.log, backoff: runtime.backoff, networkTimeoutMs: choice.networkTimeoutMs,
    reviewer: choice.needsReviews ? hostApi() : undefined,
  });
}

/**
 * How a command names one store: the options every command that reads or writes
 * a store takes (promote takes two, with --from-/--to- prefixes; rollout one, as --manifests-*).
 */
export interface StoreSide extends RepositoryOptions {
  via?: string;
  branch?: string;
  apiUrl?: string;
  tokenType?: string;
  s3Endpoint?: string;
  s3PathStyle?: boolean;
}

/** From a command's options to its store: the repository, the checked --via, then resolveStore. */
export async function openStore(
  side: StoreSide,
  settings: { modelsPath: string; needsReviews?: boolean; networkTimeoutMs?: number; viaFlag?: string },
  runtime: StoreRuntime,
): Promise<{ store: ModelStore; repository: Repository }> {
  if (side.branch !== undefined) assertBranchName(side.branch, side.flag === undefined || side.flag === '--repo' ? '--branch' : `${side.flag.replace(/-repo$/, '')}-branch`);
  const repository = await resolveRepository(side, runtime.env, runtime.cwd, runtime.log);
  const via = side.via ?? 'git';
  if (via !== 'git' && via !== 'api') throw new ReleaseError('EUSAGE', `Unknown ${settings.viaFlag ?? '--via'} "${via}": expected git or api`);
  const store = resolveStore({
    repository, via, branch: side.branch, modelsPath: settings.modelsPath, apiUrl: side.apiUrl, tokenType: side.tokenType as GitlabTokenKind | undefined,
    needsReviews: settings.needsReviews, networkTimeoutMs: settings.networkTimeoutMs, s3Endpoint: side.s3Endpoint, s3PathStyle: side.s3PathStyle,
  }, runtime);
  return { store, repository };
}

/** git check-ref-format's rules for a branch name, checked before any store is touched. */
export function assertBranchName(name: string, flag: string): void {
  const problems: string[] = [];
  if (name === '') problems.push('it is empty (leave the option out for the default branch)');
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name)) problems.push('it holds a space, a control character or one of ~ ^ : ? * [ \\');
  if (/\.\.|@\{|\/\/|^[-/.]|\/\.|[/.]$|\.lock$|\.lock\//.test(name) || name === '@') problems.push('git refuses it (.., @{, //, a leading - / or ., a trailing / or ., or .lock)');
  if (problems.length > 0) throw new ReleaseError('EUSAGE', `${flag} "${JSON.stringify(name).slice(1, -1)}" is not a branch name git accepts`, problems);
}
