/**
 * When to try again. A push refused because someone else pushed first is rebuilt
 * on the new tip; a network hiccup or HTTP 5xx is simply retried. Everything else
 * fails at once with its own message.
 */
import { ReleaseError } from '../errors.js';
export type FailureKind = 'moved' | 'transient' | 'auth' | 'forbidden' | 'not-found' | 'branch-missing' | 'other';
export declare function classifyGitFailure(stderr: string): FailureKind;
/** Maps a failure that will not get better by retrying to its catalogued error. */
export declare function publishError(kind: FailureKind, url: string, branch: string | undefined, stderr: string): ReleaseError;
export interface BackoffOptions {
    attempts: number;
    baseMs: number;
    maxMs: number;
}
export declare const DEFAULT_BACKOFF: BackoffOptions;
/** Full-jitter exponential backoff: racing releases spread out instead of colliding again. */
export declare function backoffDelay(attempt: number, options: BackoffOptions, random?: () => number): number;
export declare const sleep: (ms: number) => Promise<void>;
