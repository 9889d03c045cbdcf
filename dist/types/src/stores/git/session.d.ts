import { type GitContext, type Identity } from '../../git.js';
import type { Logger } from '../../log.js';
import type { Env } from '../../process.js';
import { type Credentials } from '../credentials.js';
import { type BackoffOptions } from '../../publish/retry.js';
export declare const REMOTE = "origin";
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
export type CommitPlan<T> = {
    done: T;
} | {
    tree: string;
    message: string;
    author: Identity;
    beforePush?: () => Promise<void>;
};
export interface Committed {
    commit: string;
    attempts: number;
}
export declare function withGitSession<T>(input: SessionInput, body: (session: GitSession) => Promise<T>): Promise<T>;
/**
 * Fetches the tip, asks `plan` what to commit on it, and pushes without force.
 * When another push lands first, or the remote fails transiently, it starts over
 * on the new tip after a jittered backoff.
 */
export declare function commitWithRetry<T>(session: GitSession, input: SessionInput, what: string, plan: (tip: string | undefined, attempt: number) => Promise<CommitPlan<T>>): Promise<{
    done: T;
} | Committed>;
