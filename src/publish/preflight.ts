/**
 * Before an hour of training: can we push? Over HTTP(S) we ask for the push
 * service's ref advertisement with our credentials, exactly as `git push` starts,
 * which answers reachability, authentication, push rights and the branch's
 * existence in one request. Other remotes get an authenticated ref listing.
 */
import { ReleaseError } from '../errors.js';
import { GitError, listRemoteBranches } from '../git.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { basicAuthHeader, gitEnvironment, type Credentials } from './credentials.js';
import { backoffDelay, classifyGitFailure, DEFAULT_BACKOFF, publishError, sleep, type BackoffOptions } from './retry.js';

export interface PreflightInput {
  url: string;
  isHttp: boolean;
  credentials?: Credentials;
  branch?: string;
  env: Env;
  cwd: string;
  log: Logger;
  backoff?: BackoffOptions;
}

export interface PreflightResult {
  branches: string[];
}

export async function preflight(input: PreflightInput): Promise<PreflightResult> {
  const branches = input.isHttp ? await advertisedBranchesOverHttp(input) : await advertisedBranchesOverGit(input);
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
  for (let attempt = 1; ; attempt++) {
    let status: number;
    let body = '';
    try {
      const response = await fetch(endpoint, { headers, redirect: 'follow', signal: AbortSignal.timeout(30_000) });
      status = response.status;
      body = await response.text();
    } catch (error) {
      status = 0;
      body = (error as Error).message;
    }
    if (status === 200) return parseAdvertisement(body);
    const retryable = status === 0 || status >= 500 || status === 429;
    if (!retryable || attempt >= backoff.attempts) throw preflightError(status, input.url, body);
    await sleep(backoffDelay(attempt, backoff));
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
  const ctx = { cwd: input.cwd, env: gitEnvironment(input.env, input.url, input.credentials) };
  try {
    return [...(await listRemoteBranches(input.url, ctx)).keys()];
  } catch (error) {
    if (error instanceof GitError) throw publishError(classifyGitFailure(error.stderr), input.url, input.branch, error.stderr);
    throw error;
  }
}
