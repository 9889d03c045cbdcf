import { type Logger } from '../log.js';
import type { Env } from '../process.js';
import type { BackoffOptions } from '../publish/retry.js';
import type { RolloutResult } from '../results.js';
export type { RolloutResult } from '../results.js';
export declare const PLATFORMS: readonly ['kserve', 'seldon'];
export type Platform = (typeof PLATFORMS)[number];
export interface RolloutOptions {
    platform?: string;
    version?: string;
    model?: string;
    modelDir?: string;
    settings?: string;
    /** Where the version lives; default: its folder in --store-repo (an s3:// store). */
    storageUri?: string;
    storeRepo?: string;
    modelsPath?: string;
    layout?: string;
    manifestsRepo?: string;
    manifestsToken?: string;
    manifestsTarget?: string;
    manifestsVia?: string;
    manifestsBranch?: string;
    /** Default: deploy/<name>. */
    manifestsPath?: string;
    hostType?: string;
    apiUrl?: string;
    tokenType?: string;
    namespace?: string;
    /** A whole percent from 1 to 99; text (from argv or an Action input) must be plain decimal digits. */
    canary?: number | string;
    promote?: boolean;
    rollback?: boolean;
    review?: boolean;
    dryRun?: boolean;
    gitUserName?: string;
    gitUserEmail?: string;
    /** Object-storage endpoint of --store-repo (MinIO, Ceph), where the version's existence is checked. */
    s3Endpoint?: string;
    s3PathStyle?: boolean;
    /** Verify the version's model.sig in --store-repo before anything is written (as promote does). */
    requireSignature?: boolean;
    publicKey?: string;
    signerIdentity?: string;
    signerIssuer?: string;
    trustedRoot?: string;
}
export declare function rollout(options: RolloutOptions, runtime?: {
    env?: Env;
    cwd?: string;
    log?: Logger;
    backoff?: BackoffOptions;
}): Promise<RolloutResult>;
/** --canary as a whole percent from 1 to 99; text must be plain digits ("0x10" and "1e1" are refused). */
export declare function canaryPercent(value: number | string): number;
export declare function assertStorageUri(uri: string): void;
