import type { Env } from '../process.js';
import type { BackoffOptions } from '../publish/retry.js';
import { type StoreSide } from '../stores/resolve.js';
import type { Identity } from '../git.js';
import type { Logger } from '../log.js';
import { type Layout } from '../publish/layout.js';
import type { ModelStore } from '../stores/types.js';
import type { DefaultResult } from '../results.js';
export type { DefaultResult } from '../results.js';
export interface SetDefaultInput {
    model: string;
    /** A version, or "newest" (by semver). */
    version: string;
    modelsPath: string;
    layout: Layout;
    author: Identity;
    branch?: string;
    log: Logger;
    /** Check the version and its bytes, write nothing. */
    dryRun?: boolean;
}
export interface DefaultSet {
    version: string;
    folder: string;
    changed: boolean;
    commit?: string;
}
export declare function defaultFolder(modelsPath: string, model: string, layout: Layout): string;
export declare function setDefault(store: ModelStore, input: SetDefaultInput): Promise<DefaultSet>;
/** Which version the default copy of `model` stands for, if any. */
export declare function currentDefault(store: ModelStore, model: string, branch?: string): Promise<string | undefined>;
export interface DefaultOptions extends StoreSide {
    /** A version, or "newest". */
    version?: string;
    model?: string;
    modelDir?: string;
    settings?: string;
    modelsPath?: string;
    layout?: string;
    reloadUrl?: string;
    verifyHeaders?: string[];
    gitUserName?: string;
    gitUserEmail?: string;
    networkTimeout?: number;
    dryRun?: boolean;
}
/** `mlserver-release default`: make V (or the newest) what /v2/models/<name>/infer serves. */
export declare function defaultCommand(options: DefaultOptions, runtime?: {
    env?: Env;
    cwd?: string;
    log?: Logger;
    backoff?: BackoffOptions;
}): Promise<DefaultResult>;
