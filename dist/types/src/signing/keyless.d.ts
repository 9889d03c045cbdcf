import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import type { Statement } from './statement.js';
export declare const DEFAULT_FULCIO_URL = "https://fulcio.sigstore.dev";
export declare const DEFAULT_REKOR_URL = "https://rekor.sigstore.dev";
/** Where a CI hands out an OIDC token for Sigstore: GitLab's id_tokens variable, or GitHub's token request. */
export declare function oidcAvailable(env: Env): boolean;
/**
 * The token, fetched when it is needed (GitHub's expire within minutes, so after
 * the notebook, not before): GitLab's SIGSTORE_ID_TOKEN, or GitHub's token for
 * the audience "sigstore" (permissions: id-token: write).
 */
export declare function oidcToken(env: Env, log: Logger, fetchImpl?: typeof fetch): Promise<string>;
export declare function signKeyless(statement: Statement, token: string, urls: {
    fulcio: string;
    rekor: string;
}): Promise<string>;
export interface KeylessPolicy {
    identity: string;
    issuer: string;
    /** A Sigstore trusted_root.json. */
    trustedRoot: unknown;
}
/**
 * Checks a keyless bundle: the certificate chains to the trusted root's Fulcio,
 * the Rekor entry is signed by its log, the envelope's signature is the
 * certificate's, and the certificate names the expected signer and issuer.
 * Returns the signed payload.
 */
export declare function verifyKeyless(bundleJson: unknown, policy: KeylessPolicy, where: string): Buffer;
