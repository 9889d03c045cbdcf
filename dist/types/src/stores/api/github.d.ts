import type { BackoffOptions } from '../../publish/retry.js';
import { type HostApi } from './types.js';
export interface GithubApiOptions {
    apiUrl: string;
    owner: string;
    repo: string;
    token?: string;
    backoff: BackoffOptions;
    timeoutMs: number;
    /** GitHub asks for at least a second between writes; the throttling plugin's default. */
    writeIntervalMs?: number;
    onWait?: (message: string) => void;
}
/** Protected branches and repository rulesets both refuse with 422 (or 403 for some rules). */
export declare const PROTECTION_REFUSAL: RegExp;
export declare function githubApi(options: GithubApiOptions): HostApi;
