/**
 * Before an hour of training: can we push? Over HTTP(S) we ask for the push
 * service's ref advertisement with our credentials, exactly as `git push` starts,
 * which answers reachability, authentication, push rights and the branch's
 * existence in one request. Other remotes get an authenticated ref listing.
 */
import { ReleaseError } from '../../errors.js';
import { GitError, listRemoteBranches } from '../../git.js';
import type { Logger } from '../../log.js';
import type { Env } from '../../process.js';
import { basicAuthHeader, gitEnvironment, type Credentials } from '../credentials.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, describeNetworkError, progressTicker } from '../../publish/network.js';
import { backoffDelay, classifyGitFailure, DEFAULT_BACKOFF, publishError, sleep, type BackoffOptions } from '../../publish/retry.js';

export interface PreflightInput {
  url: string;
  isHttp: boolean;
  credentials?: Credentials;
  branch?: string;
  env: Env;
  cwd: string;
  log: Logger;
  backoff?: BackoffOptions;
  /** Deadline for each request (--network-timeout). */
  timeoutMs?: number;
  /** Review mode and API commits build on an existing branch; an empty repository has none. */
  needsExistingBranch?: boolean;
}

export interface PreflightResult {
  branches: string[];
}

export async function preflight(input: PreflightInput): Promise<PreflightResult> {
  const branches = input.isHttp ? await advertisedBranchesOverHttp(input) : await advertisedBranchesOverGit(input);
  if (input.needsExistingBranch && branches.length === 0) {
    throw new ReleaseError('EBRANCHMISSING', `${input.url} has no commits yet, so there is no branch to open a review against; create the branch first (one commit is enough)`);
  }
  if (input.branch && branches.length > 0 && !branches.includes(input.branch)) {
    throw new ReleaseError('EBRANCHMISSING', `Branch "${input.branch}" does not exist on ${input.url} (it has: ${branches.slice(0, 10).join(', ')})`);
  }
  input.log.info(`preflight: ${input.url} is reachable${input.isHttp ? ' and accepts pushes with these credentials' : ''}`);
  return { branches };
}

async function advertisedBranchesOverHttp(input: PreflightInput): Promise<string[]> {
  const endpoint = `${input.url.replace(/\/+$/, '')}/info/refs?service=git-receive-pack`;
  const headers: Record<string, string> = { 'User-Agent': 'git/2 mlserver-release', 'Git-Protocol': 'version=0' };
  if (input.credentials) headers.Authorization = basicAuthHeader(input.credentials);
  const backoff = input.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = input.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const stopTicker = progressTicker(input.log, `preflight: waiting for ${input.url}`);
    const { status, body } = await getWithinOrigin(endpoint, headers, Math.max(1000, deadline - Date.now())).finally(stopTicker);
    if (status === 200) {
      if (input.credentials) await warnIfCredentialsUnchecked(endpoint, timeoutMs, input);
      return parseAdvertisement(body);
    }
    const retryable = status === 0 || status >= 500 || status === 429;
    const delay = backoffDelay(attempt, backoff);
    if (!retryable || attempt >= backoff.attempts || Date.now() + delay >= deadline) throw preflightError(status, input.url, body);
    input.log.info(`preflight: ${status === 0 ? body : `HTTP ${status}`}; trying again (attempt ${attempt + 1} of ${backoff.attempts})`);
    await sleep(delay);
  }
}

/**
 * One GET that follows redirects only within the origin the user named: the
 * credentials never travel to another scheme, host or port.
 */
async function getWithinOrigin(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop < 5; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { status: 0, body: describeNetworkError(error, current, timeoutMs) };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, current);
      if (next.origin !== origin) {
        throw new ReleaseError('EREDIRECT', `${origin} redirected to ${next.origin}; the credentials are only sent to the origin you named, so the redirect was not followed`);
      }
      current = next.toString();
      continue;
    }
    return { status: response.status, body: await response.text() };
  }
  return { status: 0, body: `too many redirects from ${url}` };
}

/** A push service that answers without credentials never checked ours: say so. */
async function warnIfCredentialsUnchecked(endpoint: string, timeoutMs: number, input: PreflightInput): Promise<void> {
  const anonymous = await getWithinOrigin(endpoint, { 'User-Agent': 'git/2 mlserver-release', 'Git-Protocol': 'version=0' }, timeoutMs).catch(() => undefined);
  if (anonymous?.status === 200) {
    input.log.warn(`preflight: ${input.url} offers pushes without any credentials, so the token was never checked; make sure the remote requires authentication`);
  }
}

function preflightError(status: number, url: string, body: string): ReleaseError {
  switch (status) {
    case 401:
      return new ReleaseError('EAUTH', `Preflight: ${url} rejected the credentials (HTTP 401); no token was given, or it is wrong or expired`);
    case 403:
      return new ReleaseError('EFORBIDDEN', `Preflight: ${url} refused to let these credentials push (HTTP 403)`);
    case 404:
      return new ReleaseError('EREMOTENOTFOUND', `Preflight: repository not found at ${url} (HTTP 404)`);
    case 0:
      return new ReleaseError('EUNREACHABLE', `Preflight: could not reach ${url}: ${body}`);
    default:
      return new ReleaseError('EUNREACHABLE', `Preflight: ${url} answered HTTP ${status}`);
  }
}

/** Reads branch names from a pkt-line ref advertisement. */
export function parseAdvertisement(body: string): string[] {
  const branches: string[] = [];
  for (const match of body.matchAll(/[0-9a-f]{40,64} refs\/heads\/([^\0\n]+)/g)) branches.push(match[1]);
  return branches;
}

async function advertisedBranchesOverGit(input: PreflightInput): Promise<string[]> {
  const timeoutMs = input.timeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const ctx = { cwd: input.cwd, env: gitEnvironment(input.env, input.url, input.credentials, timeoutMs), networkTimeoutMs: timeoutMs };
  try {
    return [...(await listRemoteBranches(input.url, ctx)).keys()];
  } catch (error) {
    if (error instanceof GitError) throw publishError(classifyGitFailure(error.stderr), input.url, input.branch, error.stderr);
    throw error;
  }
}
