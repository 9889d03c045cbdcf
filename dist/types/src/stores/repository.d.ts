import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { type Credentials, type HostKind } from './credentials.js';
export declare const TARGETS: readonly ['git', 'folder', 's3'];
export type TargetKind = (typeof TARGETS)[number];
export interface RepositoryOptions {
    repo?: string;
    token?: string;
    target?: string;
    /** Declares a self-hosted instance's kind, which the URL cannot tell. */
    hostType?: string;
    /** Where --repo and --token default from (promote reads MLSERVER_STAGING_* and MLSERVER_PRODUCTION_*). */
    envNames?: {
        repo: string;
        token: string;
    };
    /** How this side is called in messages, e.g. --from. */
    flag?: string;
}
export interface Repository {
    target: TargetKind;
    /** URL without credentials, or an absolute path. */
    url: string;
    isHttp: boolean;
    hostKind: HostKind;
    credentials?: Credentials;
}
export declare function resolveRepository(options: RepositoryOptions, env: Env, cwd: string, log: Logger): Promise<Repository>;
