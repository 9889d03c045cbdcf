import { type Logger } from './log.js';
import { type ModelVersions, type PublishedVersion } from './inventory.js';
import { type ReleaseOptions } from './plan.js';
import type { Env } from './process.js';
import type { BackoffOptions } from './publish/retry.js';
import { type VerifyResult } from './verify.js';
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
    /** git (default) or api: read and write through the host's REST API. */
    via?: string;
    apiUrl?: string;
    tokenType?: string;
}
export interface ListResult {
    models: ModelVersions[];
    warnings: string[];
}
export declare function listVersions(options: ListOptions, runtime?: HousekeepingRuntime): Promise<ListResult>;
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
export declare function planPrune(models: ModelVersions[], keep: number, protect: string[]): PublishedVersion[];
export declare function pruneVersions(options: PruneOptions, runtime?: HousekeepingRuntime): Promise<PruneResult>;
export interface VerifyOptions extends Pick<ReleaseOptions, 'modelDir' | 'settings' | 'version' | 'verifyTimeout' | 'verifyInterval' | 'verifyHeaders' | 'request' | 'expect'> {
    verifyUrl: string;
    /** The model name; default: "name" in model-settings.json. */
    model?: string;
}
/** Checks a served version on its own: ready, then the sample request. */
export declare function verifyVersion(options: VerifyOptions, runtime?: HousekeepingRuntime): Promise<VerifyResult & {
    model: string;
    version: string;
}>;
