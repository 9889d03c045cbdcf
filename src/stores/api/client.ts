/**
 * The host API clients, built and called the same way by every store: which
 * client a repository URL needs (GitHub, GitLab, self-hosted, relative roots,
 * token kinds), and one call policy (retries only where the client does not
 * retry itself; every failure mapped to a catalogued error).
 */
import { createHash } from 'node:crypto';
import { ReleaseError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { Env } from '../../process.js';
import type { HostKind } from '../credentials.js';
import { DEFAULT_NETWORK_TIMEOUT_MS } from '../../publish/network.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from '../../publish/retry.js';
import { githubApi, PROTECTION_REFUSAL } from './github.js';
import { gitlabApi, type GitlabTokenKind } from './gitlab.js';
import { hostMessage, httpFailure, isRateLimit, requestedWaitMs, type HttpFailure } from './http-failure.js';
import { CommitRefusedError, RefMovedError, type HostApi } from './types.js';

/** GitHub's blob API and GitLab's commit API both stop well short of git's limits. */
export const API_FILE_LIMIT_BYTES = 100 * 1000 * 1000;

export interface HostApiOptions {
  repoUrl: string;
  hostKind: HostKind;
  token?: string;
  apiUrl?: string;
  gitlabTokenKind?: GitlabTokenKind;
  env: Env;
  backoff?: BackoffOptions;
  timeoutMs?: number;
  onWait?: (message: string) => void;
}

/** owner/repo (GitHub) or group/.../project (GitLab) from the repository URL's path. */
export function projectPath(repoUrl: string): string {
  if (!/^https?:\/\//.test(repoUrl)) throw new ReleaseError('EUSAGE', `--via api needs an https URL for --repo, got ${repoUrl}`);
  return new URL(repoUrl).pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
}

/**
 * Where a GitLab instance's API lives, and the project path relative to the
 * instance root, which matters for relative-URL installs (https://host/gitlab):
 * --api-url, else CI_API_V4_URL, else CI_SERVER_URL, else the repository's origin.
 */
export function gitlabLocation(repoUrl: string, apiUrl: string | undefined, env: Env): { host: string; project: string } {
  const explicit = apiUrl || env.CI_API_V4_URL || env.CI_SERVER_URL || new URL(repoUrl).origin;
  const root = new URL(explicit.replace(/\/+$/, '').replace(/\/api\/v4$/, ''));
  const repo = new URL(repoUrl);
  let project = projectPath(repoUrl);
  const prefix = root.pathname.replace(/^\/+|\/+$/g, '');
  if (prefix && repo.host === root.host && project.startsWith(`${prefix}/`)) project = project.slice(prefix.length + 1);
  return { host: `${root.origin}${prefix ? `/${prefix}` : ''}`, project };
}

/** The GitLab token kind: --token-type, else JOB-TOKEN when the token is this job's CI_JOB_TOKEN. */
export function gitlabTokenKind(token: string | undefined, explicit: GitlabTokenKind | undefined, env: Env): GitlabTokenKind {
  return explicit ?? (token && token === env.CI_JOB_TOKEN ? 'job' : 'private');
}

export function createHostApi(options: HostApiOptions): HostApi {
  const url = new URL(options.repoUrl);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = options.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  if (options.hostKind === 'github') {
    const [owner, repo] = projectPath(options.repoUrl).split('/');
    const apiUrl = options.apiUrl || options.env.GITHUB_API_URL || (url.host === 'github.com' ? 'https://api.github.com' : `${url.origin}/api/v3`);
    const interval = Number(options.env.MLSERVER_RELEASE_GITHUB_WRITE_INTERVAL_MS);
    return githubApi({ apiUrl, owner, repo, token: options.token, backoff, timeoutMs, onWait: options.onWait, writeIntervalMs: Number.isFinite(interval) && options.env.MLSERVER_RELEASE_GITHUB_WRITE_INTERVAL_MS !== undefined ? interval : undefined });
  }
  if (options.hostKind === 'gitlab') {
    const kind = gitlabTokenKind(options.token, options.gitlabTokenKind, options.env);
    if (kind === 'job') {
      // doc/ci/jobs/ci_job_token.md lists what a job token may call; creating commits and merge requests is not among it.
      throw new ReleaseError('EJOBTOKEN', 'A GitLab CI_JOB_TOKEN cannot publish through the API: GitLab does not let job tokens create commits, read the repository tree or open merge requests. Use a project access token (scope api) for --via api and --review, or --via git with a token that may push');
    }
    const { host, project } = gitlabLocation(options.repoUrl, options.apiUrl, options.env);
    return gitlabApi({ host, project, token: options.token, tokenKind: kind, timeoutMs });
  }
  throw new ReleaseError('EUSAGE', `Cannot tell whether ${url.host} is GitHub or GitLab: pass --host-type github|gitlab`);
}

/**
 * Calls the host API once, or, for clients that do not retry themselves (GitLab),
 * retries 429 and 5xx with the tool's backoff, honouring Retry-After. Every other
 * failure becomes a catalogued error; a rate limit is never called a permission problem.
 */
export async function callApi<T>(what: string, action: () => Promise<T>, backoff: BackoffOptions, log: Logger, api?: Pick<HostApi, 'retriesItself'>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (error instanceof RefMovedError || error instanceof CommitRefusedError || error instanceof ReleaseError) throw error;
      const failure = httpFailure(error);
      const transient = failure.status === 429 || (failure.status !== undefined && failure.status >= 500) || isRateLimit(failure);
      if (transient && !api?.retriesItself && attempt < backoff.attempts) {
        const delay = requestedWaitMs(failure) ?? backoffDelay(attempt, backoff);
        log.info(`api: ${what} answered HTTP ${failure.status}${isRateLimit(failure) ? ' (rate limited)' : ''}; retrying in ${(delay / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${backoff.attempts})`);
        await sleep(delay);
        continue;
      }
      throw apiError(failure, what);
    }
  }
}

function apiError(failure: HttpFailure, what: string): ReleaseError {
  const code = failure.status;
  const words = hostMessage(failure);
  const detail = [words];
  if (code !== undefined && isRateLimit(failure)) {
    const wait = requestedWaitMs(failure);
    return new ReleaseError('EAPIRATELIMIT', `The host API rate-limited the token while trying to ${what} (HTTP ${code})${wait !== undefined ? `; it resets in ${Math.ceil(wait / 1000)}s` : ''}`, detail);
  }
  if (code === 401) return new ReleaseError('EAUTH', `The host API rejected the token (HTTP 401) while trying to ${what}`, detail);
  if (code === 403 || (code === 422 && PROTECTION_REFUSAL.test(words))) {
    return new ReleaseError('EFORBIDDEN', `The host API refused to ${what} (HTTP ${code}): the branch is protected or the token may not write. Use --review to open a merge/pull request instead`, detail);
  }
  if (code === 404) return new ReleaseError('EREMOTENOTFOUND', `The host API could not ${what}: the project was not found, or the token cannot see it (HTTP 404)`, detail);
  return new ReleaseError('EPUSHFAILED', `The host API failed to ${what}${code ? ` (HTTP ${code})` : ''}`, detail);
}

/** The blob id git would give this content: compared with the host's without downloading anything. */
export function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

