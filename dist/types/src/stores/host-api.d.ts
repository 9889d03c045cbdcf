import type { Logger } from '../log.js';
import { type HostApi } from './api/types.js';
import { type BackoffOptions } from '../publish/retry.js';
import type { ModelStore } from './types.js';
export interface HostApiStoreOptions {
    api: HostApi;
    /** The repository URL, without credentials. */
    location: string;
    branch?: string;
    modelsPath: string;
    log: Logger;
    backoff?: BackoffOptions;
}
export declare function hostApiStore(options: HostApiStoreOptions): ModelStore;
