import type { Command } from './options.js';
import type { Env } from './process.js';
import type { Report, VerbResults } from './results.js';
/** Every output the Action declares, with its description; each verb sets those that apply, the rest are empty. */
export declare const OUTPUTS: {
    readonly status: 'What happened: pushed, review-opened, already-published, already-promoted, dry-run, default-set, default-unchanged, rolled-out, unchanged, verified, signature-verified, listed, pruned, would-prune, gate-failed or failed.';
    readonly changed: 'true when this step changed a store or a GitOps repository.';
    readonly model: 'The model name.';
    readonly version: 'The version released, promoted, made the default or rolled out.';
    readonly folder: 'The version folder inside the model repository, e.g. models/iris-v1.2.0.';
    readonly commit: 'The commit (or object-store write) that holds the change.';
    readonly endpoint: 'The V2 inference path, e.g. /v2/models/iris/versions/v1.2.0/infer.';
    readonly 'already-published': 'true when this exact content was already published (nothing was pushed).';
    readonly 'executed-notebook': 'Path of the executed notebook (upload it as an artifact).';
    readonly verified: 'true when verify-url checked the served version.';
    readonly 'review-url': 'The pull request opened in review mode.';
    readonly source: 'promote - the store and commit the version was copied from.';
    readonly metrics: "The notebook's metrics, as JSON.";
    readonly 'storage-uri': 'Object storage - where KServe or Seldon reads the version from.';
    readonly removed: 'prune - the versions removed (or, without yes, that would be), as JSON.';
    readonly 'signed-by': 'verify-signature - the key (sha256 of the public key) or keyless identity that signed the version.';
    readonly 'exit-code': 'The exit code (0 on success; see the README for the others).';
};
export type OutputName = keyof typeof OUTPUTS;
/** The report of a verb that finished. */
export declare function reportOf<C extends Command>(command: C, result: VerbResults[C], env: Env): Report;
/** The report of a verb that failed: the quality gate with its table, anything else with the error and its hint. */
export declare function failureReport(command: Command, error: unknown): Report;
