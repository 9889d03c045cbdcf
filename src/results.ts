/**
 * What each verb returns, and the Report every CI is told: types only, in a leaf
 * module, so the verbs, the providers and the reports can all name them without
 * importing one another.
 */
import type { ComparisonRow } from './metrics/gate.js';
import type { ModelVersions, PublishedVersion } from './inventory.js';
import type { Command } from './options.js';
import type { VerifyResult } from './verify.js';

export type ReleaseStatus = 'pushed' | 'already-published' | 'already-promoted' | 'dry-run';

export interface ReleaseResult {
  model: string;
  version: string;
  /** The version folder inside the model repository, e.g. models/iris-v1.0.0. */
  folder: string;
  /** The model repository, without credentials. */
  repo: string;
  branch?: string;
  /** The commit that holds the release (the existing one when already published). */
  commit?: string;
  status: ReleaseStatus;
  pushed: boolean;
  alreadyPublished: boolean;
  executedNotebook?: string;
  /** The V2 inference path, e.g. /v2/models/iris/versions/v1.0.0/infer. */
  endpoint: string;
  artifact?: { path: string; bytes: number; sha256: string };
  files: string[];
  warnings: string[];
  /** The pull/merge request, in review mode. */
  reviewUrl?: string;
  /** True when --verify-url checked the served version. */
  verified?: boolean;
  /** MLServer's answer to the sample request, when verified. */
  verifyResponse?: unknown;
  /** What the notebook reported (flat), and what it is compared with. */
  metrics?: Record<string, number | string | boolean>;
  baseline?: { version: string; metrics: Record<string, number | string | boolean> };
  comparison?: ComparisonRow[];
  /** Figures kept in the version folder (report/...). */
  figures?: string[];
  /** For object storage: where KServe's or Seldon's storage initializer reads the version from. */
  storageUri?: string;
  /** promote: the source store without credentials, @ its commit when it has one. */
  source?: string;
  /** With --rollout: what changed in the manifests repository. */
  rollout?: { platform: string; file: string; summary: string; commit?: string; changed: boolean };
}

export interface PromoteResult extends ReleaseResult {
  /** Where the bytes came from: the source store without credentials, @ its commit when it has one. */
  source: string;
  /** The version unversioned URLs now serve, with --make-default. */
  defaultVersion?: string;
}

export interface DefaultResult {
  model: string;
  version: string;
  folder: string;
  repo: string;
  changed: boolean;
  commit?: string;
  /** The unversioned V2 path that now serves `version`. */
  endpoint: string;
  /** A dry run: checked, nothing written. */
  dryRun?: boolean;
}

export interface RolloutResult {
  platform: 'kserve' | 'seldon';
  model: string;
  version: string;
  file: string;
  manifestsRepo: string;
  changed: boolean;
  summary: string;
  commit?: string;
  reviewUrl?: string;
  storageUri: string;
  /** A dry run: `changed` says whether the manifest would change; nothing was written. */
  dryRun?: boolean;
}

export interface ListResult {
  models: ModelVersions[];
  warnings: string[];
  /** With --compare: per model, what is only here, in both, and only in the other store. */
  comparison?: ModelComparison[];
}

export interface ModelComparison {
  model: string;
  onlyHere: PublishedVersion[];
  both: string[];
  onlyThere: PublishedVersion[];
  defaultHere?: string;
  defaultThere?: string;
}

export interface PruneResult {
  removed: PublishedVersion[];
  applied: boolean;
  commit?: string;
}

/** verify's result: what the server answered, for which model and version. */
export type VerifiedVersion = VerifyResult & { model: string; version: string };

/** Each verb's result. */
export interface VerbResults {
  release: ReleaseResult;
  publish: ReleaseResult;
  promote: PromoteResult;
  default: DefaultResult;
  rollout: RolloutResult;
  verify: VerifiedVersion;
  'verify-signature': SignatureCheck;
  list: ListResult;
  prune: PruneResult;
}

/** verify-signature: the version checked, and who signed it. */
export interface SignatureCheck {
  model: string;
  version: string;
  folder: string;
  repo: string;
  /** The key (sha256 of the public key) or the keyless identity that signed it. */
  signedBy: string;
}

/** What a verb did, for the CI: see reports.ts. */
export interface Report {
  command: Command;
  status: string;
  changed: boolean;
  headline: string;
  /** Step outputs, named as in action.yml (every one, empty when it does not apply). */
  outputs: Record<string, string>;
  /** The job summary's body, in Markdown, after the headline. */
  markdown: string;
  /** Plain-text lines for a CI without Markdown summaries (GitLab's log section). */
  details: string[];
  /** Metrics for GitLab's MLSERVER_METRIC_* variables. */
  metrics?: Record<string, unknown>;
  /** The verb failed: the report says why; nothing for later jobs to build on. */
  failed?: boolean;
}
