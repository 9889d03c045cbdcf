import type { VerbRuntime } from './commands/types.js';
import type { OptionsOf } from './options.js';
import type { DefaultResult, ListResult, PruneResult, ReleaseResult, PromoteResult, RolloutResult, SignatureCheck, VerifiedVersion } from './results.js';
export type ReleaseOptions = OptionsOf<'release'>;
export type PublishOptions = OptionsOf<'publish'>;
export type PromoteOptions = OptionsOf<'promote'>;
export type DefaultOptions = OptionsOf<'default'>;
export type RolloutOptions = OptionsOf<'rollout'>;
export type VerifyOptions = OptionsOf<'verify'>;
export type ListOptions = OptionsOf<'list'>;
export type PruneOptions = OptionsOf<'prune'>;
export type VerifySignatureOptions = OptionsOf<'verify-signature'>;
export type { VerbRuntime } from './commands/types.js';
/** Runs the notebook, then publishes the version (and verifies it with `verifyUrl`). */
export declare function release(options?: ReleaseOptions, runtime?: VerbRuntime): Promise<ReleaseResult>;
/** Publishes an artifact the notebook already made: release without running it. */
export declare function publish(options?: PublishOptions, runtime?: VerbRuntime): Promise<ReleaseResult>;
/** Copies a tested version byte for byte from the `from` store to the `to` store. */
export declare function promote(options: PromoteOptions, runtime?: VerbRuntime): Promise<PromoteResult>;
/** Makes `version` (or "newest") what /v2/models/<name>/infer serves; an older version is a rollback. */
export declare function setDefault(options: DefaultOptions, runtime?: VerbRuntime): Promise<DefaultResult>;
/** Writes the KServe or Seldon Core manifests of a version in object storage, as a GitOps commit. */
export declare function rollout(options: RolloutOptions, runtime?: VerbRuntime): Promise<RolloutResult>;
/** Checks a served version: ready, then the sample request. */
export declare function verify(options: VerifyOptions, runtime?: VerbRuntime): Promise<VerifiedVersion>;
/** Checks a published version's model.sig where it is stored; a ReleaseError (exit 4) names the first file that differs. */
export declare function verifySignature(options: VerifySignatureOptions, runtime?: VerbRuntime): Promise<SignatureCheck>;
/** The versions of each model in a store, newest last, with the default marked. */
export declare function list(options?: ListOptions, runtime?: VerbRuntime): Promise<ListResult>;
/** Removes all but the newest `keep` versions of each model; only with `yes: true`. */
export declare function prune(options: PruneOptions, runtime?: VerbRuntime): Promise<PruneResult>;
