import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { Credentials } from './credentials.js';
import type { BackoffOptions } from '../publish/retry.js';
import type { HostApi } from './api/types.js';
import type { ModelStore } from './types.js';
export interface GitStoreOptions {
    url: string;
    isHttp: boolean;
    credentials?: Credentials;
    branch?: string;
    modelsPath: string;
    env: Env;
    cwd: string;
    log: Logger;
    backoff?: BackoffOptions;
    networkTimeoutMs?: number;
    /** The host's API, for pull/merge requests when the repository is on GitHub or GitLab. */
    reviewer?: HostApi;
}
export declare function gitStore(options: GitStoreOptions): ModelStore;
