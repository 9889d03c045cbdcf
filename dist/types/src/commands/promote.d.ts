import { type Logger } from '../log.js';
import type { Env } from '../process.js';
import type { BackoffOptions } from '../publish/retry.js';
import type { Provider } from '../providers/types.js';
import { type StoreSide } from '../stores/resolve.js';
import type { PromoteResult } from '../results.js';
export type { PromoteResult } from '../results.js';
export interface PromoteOptions {
    version?: string;
    model?: string;
    modelDir?: string;
    settings?: string;
    from: StoreSide;
    to: StoreSide;
    modelsPath?: string;
    layout?: string;
    makeDefault?: boolean;
    review?: boolean;
    force?: boolean;
    dryRun?: boolean;
    gitUserName?: string;
    gitUserEmail?: string;
    networkTimeout?: number;
    verifyUrl?: string;
    verifyTimeout?: number;
    verifyInterval?: number;
    verifyHeaders?: string[];
    request?: string;
    expect?: string;
    s3Endpoint?: string;
    s3PathStyle?: boolean;
    /** A folder destination (a model volume): ask this MLServer to load the promoted version. */
    reloadUrl?: string;
    /** Verify the source's model.sig before anything is written: with `publicKey`, or keyless with the signer, issuer and trusted root. */
    requireSignature?: boolean;
    publicKey?: string;
    signerIdentity?: string;
    signerIssuer?: string;
    trustedRoot?: string;
}
export interface PromoteRuntime {
    env?: Env;
    cwd?: string;
    log?: Logger;
    provider?: Provider;
    backoff?: BackoffOptions;
}
export declare function promote(options: PromoteOptions, runtime?: PromoteRuntime): Promise<PromoteResult>;
