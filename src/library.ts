/**
 * The library: every verb as a typed function, for zx scripts and any Node
 * program. Options are the same table's as the CLI's and the Action's (by field
 * name, e.g. `modelsPath`), checked the same way, with the same env rule applied
 * to the env you pass (default: process.env). Nothing is printed unless you pass
 * a Logger; secrets you pass are redacted from what it prints.
 */
import { runVerb } from './commands/index.js';
import type { VerbRuntime } from './commands/types.js';
import type { Command, OptionsOf } from './options.js';
import { optionsFromObject } from './read-options.js';
import type { DefaultResult, ListResult, PruneResult, ReleaseResult, PromoteResult, RolloutResult, SignatureCheck, VerbResults, VerifiedVersion } from './results.js';
import { learnEnvSecrets, learnOptionSecrets } from './secrets.js';

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

async function call<C extends Command>(command: C, given: OptionsOf<C>, runtime: VerbRuntime): Promise<VerbResults[C]> {
  const env = runtime.env ?? process.env;
  const options = optionsFromObject(command, given, env);
  if (runtime.log) {
    learnEnvSecrets(runtime.log.redactor, env);
    learnOptionSecrets(runtime.log.redactor, command, options);
  }
  return runVerb(command, options, { ...runtime, env });
}

/** Runs the notebook, then publishes the version (and verifies it with `verifyUrl`). */
export function release(options: ReleaseOptions = {}, runtime: VerbRuntime = {}): Promise<ReleaseResult> {
  return call('release', options, runtime);
}

/** Publishes an artifact the notebook already made: release without running it. */
export function publish(options: PublishOptions = {}, runtime: VerbRuntime = {}): Promise<ReleaseResult> {
  return call('publish', options, runtime);
}

/** Copies a tested version byte for byte from the `from` store to the `to` store. */
export function promote(options: PromoteOptions, runtime: VerbRuntime = {}): Promise<PromoteResult> {
  return call('promote', options, runtime);
}

/** Makes `version` (or "newest") what /v2/models/<name>/infer serves; an older version is a rollback. */
export function setDefault(options: DefaultOptions, runtime: VerbRuntime = {}): Promise<DefaultResult> {
  return call('default', options, runtime);
}

/** Writes the KServe or Seldon Core manifests of a version in object storage, as a GitOps commit. */
export function rollout(options: RolloutOptions, runtime: VerbRuntime = {}): Promise<RolloutResult> {
  return call('rollout', options, runtime);
}

/** Checks a served version: ready, then the sample request. */
export function verify(options: VerifyOptions, runtime: VerbRuntime = {}): Promise<VerifiedVersion> {
  return call('verify', options, runtime);
}

/** Checks a published version's model.sig where it is stored; a ReleaseError (exit 4) names the first file that differs. */
export function verifySignature(options: VerifySignatureOptions, runtime: VerbRuntime = {}): Promise<SignatureCheck> {
  return call('verify-signature', options, runtime);
}

/** The versions of each model in a store, newest last, with the default marked. */
export function list(options: ListOptions = {}, runtime: VerbRuntime = {}): Promise<ListResult> {
  return call('list', options, runtime);
}

/** Removes all but the newest `keep` versions of each model; only with `yes: true`. */
export function prune(options: PruneOptions, runtime: VerbRuntime = {}): Promise<PruneResult> {
  return call('prune', options, runtime);
}
