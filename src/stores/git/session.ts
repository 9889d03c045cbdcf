/**
 * A short-lived working repository for one operation on the model repository: a
 * fresh temporary bare repo with its own config and credentials in env only,
 * that fetches only the branch tip's trees and commits with bounded retries.
 * Publishing, listing and pruning all go through it; it is removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { removeOnInterrupt } from '../../interrupts.js';
import os from 'node:os';
import path from 'node:path';
import { ReleaseError } from '../../errors.js';
import {
  addRemote, commitTree, fetchTipWithoutBlobs, GitError, initBare, listRemoteBranches, pushCommit, remoteDefaultBranch,
  type GitContext, type Identity,
} from '../../git.js';
import type { Logger } from '../../log.js';
import type { Env } from '../../process.js';
import { gitEnvironment, type Credentials } from '../credentials.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, progressTicker } from '../../publish/network.js';
import { backoffDelay, classifyGitFailure, DEFAULT_BACKOFF, publishError, sleep, type BackoffOptions } from '../../publish/retry.js';

export const REMOTE = 'origin';

export interface SessionInput {
  /** Credential-free URL or absolute path of the remote. */
  url: string;
  credentials?: Credentials;
  branch?: string;
  /** When `branch` does not exist yet, build on this branch's tip and create it (review mode). */
  startBranch?: string;
  env: Env;
  log: Logger;
  backoff?: BackoffOptions;
  /** --network-timeout: each network read's deadline, and how long transient failures are retried. */
  networkTimeoutMs?: number;
}

export interface GitSession {
  ctx: GitContext;
  workspace: string;
  branch: string;
  backoff: BackoffOptions;
  /** The branch tip (trees only), or undefined for a repository without commits. */
  fetchTip(): Promise<string | undefined>;
}

/** What to do on top of a fetched tip: nothing more, or commit this root tree. */
export type CommitPlan<T> = { done: T } | { tree: string; message: string; author: Identity; beforePush?: () => Promise<void> };

export interface Committed {
  commit: string;
  attempts: number;
}

export async function withGitSession<T>(input: SessionInput, body: (session: GitSession) => Promise<T>): Promise<T> {
  const workspace = await mkdtemp(path.join(input.env.TMPDIR || os.tmpdir(), 'mlserver-release-'));
  const forget = removeOnInterrupt(workspace);
  try {
    const repoDir = path.join(workspace, 'repo.git');
    const timeoutMs = input.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
    const ctx: GitContext = { cwd: workspace, env: gitEnvironment(input.env, input.url, input.credentials, timeoutMs), networkTimeoutMs: timeoutMs };
    await initBare(repoDir, ctx);
    ctx.cwd = repoDir;
    await addRemote(REMOTE, input.url, ctx);
    const backoff = input.backoff ?? DEFAULT_BACKOFF;
    const branch = input.branch ?? (await withRetries(() => remoteDefaultBranch(REMOTE, ctx), input, backoff)) ?? 'main';
    const session: GitSession = {
      ctx,
      workspace,
      branch,
      backoff,
      fetchTip: () => fetchTip(branch, ctx, input, backoff),
    };
    return await body(session);
  } finally {
    await rm(workspace, { recursive: true, force: true });
    forget();
  }
}

/**
 * Fetches the tip, asks `plan` what to commit on it, and pushes without force.
 * When another push lands first, or the remote fails transiently, it starts over
 * on the new tip after a jittered backoff.
 */
export async function commitWithRetry<T>(
  session: GitSession,
  input: SessionInput,
  what: string,
  plan: (tip: string | undefined, attempt: number) => Promise<CommitPlan<T>>,
): Promise<{ done: T } | Committed> {
  const { ctx, branch, backoff } = session;
  for (let attempt = 1; attempt <= backoff.attempts; attempt++) {
    const tip = await session.fetchTip();
    const decision = await plan(tip, attempt);
    if ('done' in decision) return decision;
    const commit = await commitTree(decision.tree, tip, decision.message, decision.author, ctx);
    await decision.beforePush?.();
    const stopTicker = progressTicker(input.log, `pushing to ${input.url}`);
    const push = await pushCommit(REMOTE, commit, branch, ctx).finally(stopTicker);
    if (push.ok) {
      input.log.info(`publish: pushed ${commit.slice(0, 12)} to ${branch}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      return { commit, attempts: attempt };
    }
    const kind = classifyGitFailure(push.stderr);
    if (kind !== 'moved' && kind !== 'transient') throw publishError(kind, input.url, branch, push.stderr);
    if (attempt === backoff.attempts) break;
    const delay = backoffDelay(attempt, backoff);
    input.log.info(`publish: ${kind === 'moved' ? 'another release landed first; rebuilding on the new tip' : 'the remote failed'}, retrying in ${delay}ms (attempt ${attempt + 1} of ${backoff.attempts})`);
    await sleep(delay);
  }
  throw new ReleaseError('EPUSHFAILED', `Gave up on ${what} after ${backoff.attempts} attempts: the branch ${branch} kept moving or the remote kept failing`);
}

/** The branch tip, or undefined when the remote has no branches at all yet. */
async function fetchTip(branch: string, ctx: GitContext, input: SessionInput, backoff: BackoffOptions): Promise<string | undefined> {
  try {
    return await withRetries(() => fetchTipWithoutBlobs(REMOTE, branch, ctx), input, backoff);
  } catch (error) {
    if (error instanceof ReleaseError && error.code === 'EBRANCHMISSING') {
      if (input.startBranch && input.startBranch !== branch) {
        return withRetries(() => fetchTipWithoutBlobs(REMOTE, input.startBranch!, ctx), input, backoff);
      }
      const branches = await listRemoteBranches(REMOTE, ctx);
      if (branches.size === 0) return undefined; // an empty repository: the first commit starts it
    }
    throw error;
  }
}

/**
 * Retries an idempotent git read on transient failures, within --network-timeout;
 * maps other failures to their error.
 */
async function withRetries<T>(action: () => Promise<T>, input: SessionInput, backoff: BackoffOptions): Promise<T> {
  const deadline = Date.now() + (input.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS);
  for (let attempt = 1; ; attempt++) {
    const stopTicker = progressTicker(input.log, `waiting for ${input.url}`);
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const kind = classifyGitFailure(error.stderr);
      const delay = backoffDelay(attempt, backoff);
      const outOfTime = Date.now() + delay >= deadline;
      if (kind !== 'transient' || attempt >= backoff.attempts || outOfTime) throw publishError(kind, input.url, input.branch, error.stderr);
      input.log.info(`publish: the remote did not answer cleanly, retrying in ${delay}ms (attempt ${attempt + 1} of ${backoff.attempts})`);
      await sleep(delay);
    } finally {
      stopTicker();
    }
  }
}
