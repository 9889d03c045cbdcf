/**
 * Publishing without a clone: the version folder is committed through the host's
 * REST API (GitHub's Git Data API, GitLab's Commits API), and in review mode it
 * lands on release/<name>-<version> with a pull or merge request into the target.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ReleaseError } from '../errors.js';
import type { Identity } from '../git.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { githubApi, PROTECTION_REFUSAL } from './api/github.js';
import { gitlabApi, type GitlabTokenKind } from './api/gitlab.js';
import { hostMessage, httpFailure, isRateLimit, requestedWaitMs, type HttpFailure } from './api/http-failure.js';
import { CommitRefusedError, RefMovedError, type ApiFile, type HostApi, type ReviewRequest } from './api/types.js';
import { DEFAULT_NETWORK_TIMEOUT_MS } from './network.js';
import type { HostKind } from './credentials.js';
import type { FileToPublish } from './git-transport.js';
import { RECORD_FILE, SETTINGS_FILE } from './layout.js';
import { assertOwnedBy, recordedIdentity, type FolderIdentity } from './ownership.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from './retry.js';

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

export interface ApiPublishInput {
  api: HostApi;
  branch?: string;
  folder: string;
  files: FileToPublish[];
  ignoreForComparison: string[];
  force: boolean;
  /** The model and version this folder must belong to, when it already exists. */
  identity?: FolderIdentity;
  review?: { branch: string; title: string; body: string };
  message: string;
  author: Identity;
  log: Logger;
  backoff?: BackoffOptions;
}

export interface ApiPublishResult {
  status: 'pushed' | 'already-published';
  branch: string;
  commit: string;
  review?: ReviewRequest & { reused: boolean };
}

export function sameContent(local: Map<string, string>, published: Map<string, string>, ignore: string[]): boolean {
  const mine = [...local].filter(([p]) => !ignore.includes(p));
  const theirs = [...published.keys()].filter((p) => !ignore.includes(p));
  return published.size > 0 && mine.length === theirs.length && mine.every(([p, id]) => published.get(p) === id);
}

export async function publishWithApi(input: ApiPublishInput): Promise<ApiPublishResult> {
  const backoff = input.backoff ?? DEFAULT_BACKOFF;
  const call = <T>(what: string, action: () => Promise<T>) => callApi(what, action, backoff, input.log, input.api);
  const files: ApiFile[] = [];
  for (const file of input.files) {
    const content = file.source ? await readFile(file.source) : Buffer.from(file.content ?? '');
    if (content.length > API_FILE_LIMIT_BYTES) {
      throw new ReleaseError('EAPILIMIT', `${file.path} is ${(content.length / 1e6).toFixed(0)} MB, above the host API's ${API_FILE_LIMIT_BYTES / 1e6} MB limit`);
    }
    files.push({ path: `${input.folder}/${file.path}`, content });
  }
  const local = new Map(input.files.map((file, i) => [file.path, gitBlobId(files[i].content)]));
  const target = input.branch ?? (await call('read the default branch', () => input.api.defaultBranch()));

  for (let attempt = 1; attempt <= backoff.attempts; attempt++) {
    const targetHead = await call(`read branch ${target}`, () => input.api.branchHead(target));
    if (!targetHead) throw new ReleaseError('EBRANCHMISSING', `Branch "${target}" does not exist`);
    const onTarget = await call(`read ${input.folder}`, () => input.api.folderBlobs(targetHead, input.folder));
    if (sameContent(local, onTarget, input.ignoreForComparison)) {
      input.log.info(`publish: ${input.folder} already holds this exact model on ${target}; nothing to change`);
      return { status: 'already-published', branch: target, commit: targetHead };
    }
    if (onTarget.size > 0 && input.identity) {
      const text = async (file: string) => {
        const oid = onTarget.get(file);
        return oid ? (await call(`read ${input.folder}/${file}`, () => input.api.readBlob(oid))).toString('utf8') : undefined;
      };
      assertOwnedBy(`${input.folder} on ${target}`, input.identity, recordedIdentity(await text(RECORD_FILE), await text(SETTINGS_FILE)));
    }
    if (onTarget.size > 0 && !input.force) {
      throw new ReleaseError('EVERSIONCONFLICT', `${input.folder} is already published on ${target} with different content`);
    }

    const branch = input.review?.branch ?? target;
    const branchHead = input.review ? await call(`read branch ${branch}`, () => input.api.branchHead(branch)) : targetHead;
    const base = branchHead ?? targetHead;
    const onBranch = branchHead && input.review ? await call(`read ${input.folder} on ${branch}`, () => input.api.folderBlobs(branchHead, input.folder)) : onTarget;
    let commit = base;
    if (!(input.review && branchHead && sameContent(local, onBranch, input.ignoreForComparison))) {
      const deletes = [...onBranch.keys()].filter((p) => !local.has(p)).map((p) => `${input.folder}/${p}`);
      try {
        commit = await call(`commit to ${branch}`, () =>
          input.api.commit({
            branch,
            parent: base,
            createFrom: input.review && !branchHead ? target : undefined,
            files,
            deletes,
            existing: new Set([...onBranch.keys()].map((p) => `${input.folder}/${p}`)),
            message: input.message,
            author: input.author,
          }),
        );
      } catch (error) {
        if (!(error instanceof RefMovedError) && !(error instanceof CommitRefusedError)) throw error;
        if (error instanceof CommitRefusedError) {
          // GitLab refused on what is there now. A race moved something: decide again on a fresh read.
          // Nothing moved: the refusal is real, and its words are the message.
          const targetNow = await call(`read branch ${target}`, () => input.api.branchHead(target));
          const branchNow = input.review ? await call(`read branch ${branch}`, () => input.api.branchHead(branch)) : targetNow;
          if (targetNow === targetHead && branchNow === branchHead) {
            throw new ReleaseError('EPUSHFAILED', `${input.api.kind} refused the commit to ${branch}: ${error.hostMessage}`);
          }
          input.log.info(`publish: ${branch} changed while committing (${error.hostMessage}); deciding again on its new head`);
        }
        if (attempt === backoff.attempts) break;
        const delay = backoffDelay(attempt, backoff);
        input.log.info(`publish: ${branch} moved while committing; rebuilding on its new head in ${delay}ms`);
        await sleep(delay);
        continue;
      }
      input.log.info(`publish: committed ${commit.slice(0, 12)} to ${branch} through the ${input.api.kind} API`);
    } else {
      input.log.info(`publish: ${branch} already holds this release; reusing it`);
    }

    if (!input.review) return { status: 'pushed', branch, commit };
    const review = input.review;
    const existing = await call('look for an open review', () => input.api.findOpenReview(review.branch, target));
    if (existing) {
      input.log.info(`publish: reusing ${existing.url}`);
      return { status: 'pushed', branch, commit, review: { ...existing, reused: true } };
    }
    const opened = await call('open the review', () => input.api.openReview(review.branch, target, review.title, review.body));
    input.log.info(`publish: ${opened.reused ? 'another run opened it first; reusing' : 'opened'} ${opened.url}`);
    return { status: 'pushed', branch, commit, review: opened };
  }
  throw new ReleaseError('EPUSHFAILED', `Gave up committing ${input.folder} after ${backoff.attempts} attempts: the branch kept moving`);
}
