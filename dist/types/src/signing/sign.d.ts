import { type KeyObject } from 'node:crypto';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { type SignedFile } from './statement.js';
import { type KeylessPolicy } from './keyless.js';
import { type DownloadedFile } from '../stores/download.js';
import type { ModelStore } from '../stores/types.js';
export type SigningPlan = {
    mode: 'key';
    key: KeyObject; /** sha256 of the public key, as the bundle records it. */
    keyHint: string;
} | {
    mode: 'keyless';
    fulcio: string;
    rekor: string;
};
/**
 * Checked before the notebook runs: with --signing-key, the key is read and must
 * sign; without one, keyless signing needs the CI's OIDC token; neither is exit 2.
 */
export declare function planSigning(options: {
    sign?: boolean;
    signingKey?: string;
    fulcioUrl?: string;
    rekorUrl?: string;
}, env: Env, cwd: string, log: Logger): Promise<SigningPlan | undefined>;
/** model.sig for a version folder named `name` holding `files` (model.sig itself is left out by the format). */
export declare function signatureFor(plan: SigningPlan, name: string, files: SignedFile[], env: Env, log: Logger): Promise<string>;
export declare function describeSigner(plan: SigningPlan): string;
/** Who a version must be signed by: a public key, or a keyless identity and issuer under a trusted root. */
export type SignaturePolicy = {
    mode: 'key';
    key: KeyObject;
} | ({
    mode: 'keyless';
} & KeylessPolicy);
export declare function readSignaturePolicy(options: {
    requireSignature?: boolean;
    publicKey?: string;
    signerIdentity?: string;
    signerIssuer?: string;
    trustedRoot?: string;
}, cwd: string): Promise<SignaturePolicy | undefined>;
export declare function readVerifyingKey(file: string | undefined, cwd: string): Promise<KeyObject>;
/**
 * Checks a folder's files (path and sha256, model.sig's text read apart) against
 * its model.sig: signed by this key, and exactly these files. Exit 4 otherwise,
 * with the first mismatching file named.
 */
export declare function assertSignedBy(policy: SignaturePolicy, signatureText: string | undefined, files: SignedFile[], where: string): void;
/**
 * A published version checked where it is stored, before a verb builds on it:
 * every file streamed and hashed, against its release.json and against its
 * model.sig signed by `key`. Nothing is kept.
 */
export declare function assertStoredVersionSigned(store: ModelStore, folder: string, branch: string | undefined, policy: SignaturePolicy, log: Logger): Promise<void>;
/** A folder already on disk (downloaded and hashed) against its model.sig: the one check promote, rollout and verify-signature share. */
export declare function assertDownloadedSigned(files: DownloadedFile[], policy: SignaturePolicy, where: string, log: Logger): Promise<void>;
/** A signature is a few KiB; a store's file is hostile, so a larger one is never read whole. */
export declare const SIGNATURE_LIMIT_BYTES: number;
