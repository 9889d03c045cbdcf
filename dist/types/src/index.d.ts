export { release, publish, promote, setDefault, rollout, verify, verifySignature, list, prune, type ReleaseOptions, type PublishOptions, type PromoteOptions, type DefaultOptions, type RolloutOptions, type VerifyOptions, type VerifySignatureOptions, type ListOptions, type PruneOptions, type VerbRuntime, } from './library.js';
export type { ReleaseResult, ReleaseStatus, PromoteResult, DefaultResult, RolloutResult, VerifiedVersion, SignatureCheck, ListResult, ModelComparison, PruneResult, Report, } from './results.js';
export { OPTIONS, COMMANDS, type Command, type OptionsOf, type OptionRow } from './options.js';
export { ReleaseError, EXIT, CATALOG, type ErrorCode } from './errors.js';
export { Logger, silentLogger } from './log.js';
export { Redactor } from './redact.js';
/** The Action's entry in GitHub's template shape (see action.ts); `import('mlserver-release')` never runs it. */
export declare function run(): Promise<void>;
export declare function main(): Promise<void>;
