import type { Env } from './process.js';
import type { BackoffOptions } from './publish/retry.js';
import { type StoreSide } from './stores/resolve.js';
import type { Identity } from './git.js';
import type { Logger } from './log.js';
import { type Layout } from './publish/layout.js';
import type { ModelStore } from './stores/types.js';
export interface SetDefaultInput {
    model: string;
    /** A version, or "newest" (by semver). */
    version: string;
    modelsPath: string;
    layout: Layout;
    author: Identity;
    branch?: string;
    log: Logger;
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
}
export interface DefaultResult {
    model: string;
    version: string;
    folder: string;
    repo: string;
    changed: boolean;
    commit?: string;
    /** The unversioned V2 path that now serves `version`. */
    endpoint: string;
}
/** `mlserver-release default`: make V (or the newest) what /v2/models/<name>/infer serves. */
export declare function defaultCommand(options: DefaultOptions, runtime?: {
    env?: Env;
    cwd?: string;
    log?: Logger;
    backoff?: BackoffOptions;
}): Promise<DefaultResult>;
