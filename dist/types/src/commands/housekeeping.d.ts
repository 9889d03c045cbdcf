import { type Logger } from '../log.js';
import { type ModelVersions, type PublishedVersion } from '../inventory.js';
import { type ReleaseOptions } from './release-plan.js';
import type { Env } from '../process.js';
import type { BackoffOptions } from '../publish/retry.js';
import { type StoreSide } from '../stores/resolve.js';
import { type VerifyResult } from '../verify.js';
import type { ListResult, ModelComparison, PruneResult } from '../results.js';
export type { ListResult, ModelComparison, PruneResult } from '../results.js';
export interface HousekeepingRuntime {
    env?: Env;
    cwd?: string;
    log?: Logger;
    backoff?: BackoffOptions;
}
/** The store (--repo, --target, --via: git or api, ...) and what to list in it. */
export interface ListOptions extends StoreSide {
    modelsPath?: string;
    /** Only this model. */
    model?: string;
    /** Seconds each network step may take (default 120). */
    networkTimeout?: number;
    /** list --compare: another store to compare with (its URL or path, and how to reach it). */
    compare?: {
        repo?: string;
        token?: string;
        target?: string;
        via?: string;
        branch?: string;
    };
}
/** What is waiting for promotion: per model, versions here only, in both, and there only. */
export declare function compareModels(here: ModelVersions[], there: ModelVersions[]): ModelComparison[];
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
/** Everything but the newest `keep` versions of each model, sparing protected ones. */
export declare function planPrune(models: ModelVersions[], keep: number, protect: string[]): PublishedVersion[];
export declare function pruneVersions(options: PruneOptions, runtime?: HousekeepingRuntime): Promise<PruneResult>;
export interface VerifyOptions extends Pick<ReleaseOptions, 'modelDir' | 'settings' | 'version' | 'verifyTimeout' | 'verifyInterval' | 'verifyHeaders' | 'request' | 'expect'> {
    verifyUrl: string;
    /** The model name; default: "name" in model-settings.json. */
    model?: string;
    /** Also check that the unversioned endpoint answers as this version does. */
    default?: boolean;
}
/** Checks a served version on its own: ready, then the sample request. */
export declare function verifyVersion(options: VerifyOptions, runtime?: HousekeepingRuntime): Promise<VerifyResult & {
    model: string;
    version: string;
}>;
