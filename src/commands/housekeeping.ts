/**
 * The commands beside `release`: list what a model repository holds, prune old
 * versions, and verify a served version on its own. Like release(), each takes
 * options plus an injected runtime and returns a plain result.
 */
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { groupByModel, versionsIn, type ModelVersions, type PublishedVersion } from '../inventory.js';
import { parseBundle, type SignatureBundle } from '../signing/bundle.js';
import { X509Certificate } from '@sigstore/core';
import { SIGNATURE_FILE } from '../signing/statement.js';
import type { Snapshot } from '../stores/types.js';
import { segmentProblems } from '../names.js';
import { parseHeaders, planVerify, type ReleaseOptions } from './release-plan.js';
import type { Env } from '../process.js';
import { normalizeModelsPath } from '../publish/layout.js';
import type { BackoffOptions } from '../publish/retry.js';
import { detectProvider } from '../providers/index.js';
import { capabilitiesOf } from '../stores/capabilities.js';
import { openStore, type StoreSide } from '../stores/resolve.js';
import { readSettingsFile } from '../settings/read.js';
import { modelNameIn } from '../settings/validate.js';
import { verifyDefaultServes, verifyServed, type VerifyResult } from '../verify.js';
import type { ListResult, ModelComparison, PruneResult } from '../results.js';
import { commitAuthor } from './author.js';
export type { ListResult, ModelComparison, PruneResult } from '../results.js';

export interface HousekeepingRuntime {
  env?: Env;
  cwd?: string;
  log?: Logger;
  backoff?: BackoffOptions;
}

/** The store (--repo, --target, --via: git or api, ...) and what to list in it. */
export interface ListOptions extends StoreSide {
  modelsPath?: string;
  /** Only this model. */
  model?: string;
  /** Seconds each network step may take (default 120). */
  networkTimeout?: number;
  /** list --compare: another store to compare with (its URL or path, and how to reach it). */
  compare?: { repo?: string; token?: string; target?: string; via?: string; branch?: string };
}



function runtimeDefaults(runtime: HousekeepingRuntime) {
  return { env: runtime.env ?? process.env, cwd: runtime.cwd ?? process.cwd(), log: runtime.log ?? silentLogger() };
}

/** The store list and prune work on: any kind, through the one resolver. */
async function storeFor(options: ListOptions, env: Env, cwd: string, log: Logger, backoff?: BackoffOptions) {
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const networkTimeoutMs = options.networkTimeout === undefined ? undefined : options.networkTimeout * 1000;
  const { store, repository } = await openStore(options, { modelsPath, networkTimeoutMs }, { env, cwd, log, backoff });
  return { store, modelsPath, repository };
}

/** What is waiting for promotion: per model, versions here only, in both, and there only. */
export function compareModels(here: ModelVersions[], there: ModelVersions[]): ModelComparison[] {
  const names = [...new Set([...here, ...there].map((m) => m.model))].sort();
  return names.map((model) => {
    const a = here.find((m) => m.model === model);
    const b = there.find((m) => m.model === model);
    const inB = new Set(b?.versions.map((v) => v.version));
    const inA = new Set(a?.versions.map((v) => v.version));
    return {
      model,
      onlyHere: (a?.versions ?? []).filter((v) => !inB.has(v.version)),
      both: (a?.versions ?? []).filter((v) => inB.has(v.version)).map((v) => v.version),
      onlyThere: (b?.versions ?? []).filter((v) => !inA.has(v.version)),
      defaultHere: a?.defaultVersion,
      defaultThere: b?.defaultVersion,
    };
  });
}

/** Warns where MLServer's default for unversioned URLs is not the newest version. */
function defaultVersionWarnings(models: ModelVersions[]): string[] {
  return models
    .filter((m) => m.mlserverDefault !== m.newest && !m.defaultVersion)
    .map((m) => `${m.model}: MLServer serves ${m.mlserverDefault} for URLs without a version (it compares versions as text), but the newest is ${m.newest}. Always call /v2/models/${m.model}/versions/<version>/infer.`);
}

/**
 * Which versions carry a model.sig, and whose key made it (the bundle's key hint:
 * the sha256 of the public key). Read, not verified: `promote --require-signature`
 * and `rollout --require-signature` verify. A model.sig that cannot be read says so.
 */
async function markSigned(snapshot: Snapshot, models: ModelVersions[]): Promise<void> {
  const versions = models.flatMap((m) => m.versions);
  const signed: PublishedVersion[] = [];
  for (const v of versions) if ((await snapshot.folders.get(v.folder)?.files())?.has(SIGNATURE_FILE)) signed.push(v);
  const texts = await snapshot.readTexts(signed.map((v) => `${v.folder}/${SIGNATURE_FILE}`));
  for (const v of signed) {
    try {
      const bundle = parseBundle(texts.get(`${v.folder}/${SIGNATURE_FILE}`) ?? '', v.folder);
      v.signedBy = bundle.verificationMaterial.publicKey?.hint ? `key sha256:${bundle.verificationMaterial.publicKey.hint}` : certificateIdentity(bundle);
    } catch {
      v.signedBy = 'unreadable signature';
    }
  }
}

/** A keyless signature's identity, as its certificate names it (read, not verified). */
function certificateIdentity(bundle: SignatureBundle): string {
  try {
    const raw = bundle.verificationMaterial.certificate?.rawBytes;
    return (raw && X509Certificate.parse(Buffer.from(raw, 'base64')).subjectAltName) || 'a certificate';
  } catch {
    return 'an unreadable certificate';
  }
}

export async function listVersions(options: ListOptions, runtime: HousekeepingRuntime = {}): Promise<ListResult> {
  const { env, cwd, log } = runtimeDefaults(runtime);
  const { store, modelsPath, repository } = await storeFor(options, env, cwd, log, runtime.backoff);
  const snapshot = await store.snapshot(options.branch, { model: options.model });
  const models = groupByModel(await versionsIn(snapshot, options.model), options.model);
  await markSigned(snapshot, models);
  const warnings = defaultVersionWarnings(models);
  let comparison: ModelComparison[] | undefined;
  if (options.compare) {
    const other = await storeFor({ ...options, ...options.compare, envNames: { repo: 'MLSERVER_COMPARE_REPO', token: 'MLSERVER_COMPARE_TOKEN' }, flag: '--compare' }, env, cwd, log, runtime.backoff);
    comparison = compareModels(models, groupByModel(await versionsIn(await other.store.snapshot(options.compare.branch, { model: options.model }), options.model), options.model));
  }
  for (const leftover of await capabilitiesOf(repository).leftovers(modelsPath)) {
    warnings.push(`${leftover.path} was left by an interrupted run ${Math.round(leftover.ageMs / 60000)} min ago; the next publish to this folder removes it`);
  }
  for (const warning of warnings) log.warn(warning);
  return { models, warnings, ...(comparison ? { comparison } : {}) };
}

export interface PruneOptions extends ListOptions {
  keep: number;
  /** Without it, only show what would be removed. */
  yes?: boolean;
  /** Versions never removed. */
  protect?: string[];
  gitUserName?: string;
  gitUserEmail?: string;
}


/** Everything but the newest `keep` versions of each model, sparing protected ones. */
export function planPrune(models: ModelVersions[], keep: number, protect: string[]): PublishedVersion[] {
  // The version a default copy stands for stays too: removing it would leave the default pointing nowhere.
  return models.flatMap((m) => m.versions.slice(0, Math.max(0, m.versions.length - keep)).filter((v) => !protect.includes(v.version) && v.version !== m.defaultVersion));
}

export async function pruneVersions(options: PruneOptions, runtime: HousekeepingRuntime = {}): Promise<PruneResult> {
  const { env, cwd, log } = runtimeDefaults(runtime);
  // At least one version always stays, so a model never disappears from MLServer.
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new ReleaseError('EUSAGE', `--keep must be a whole number of at least 1, got ${options.keep}`);
  const protect = options.protect ?? [];
  // "v1, v2" on one line protects nothing: one version per --protect (per line in the Action).
  for (const version of protect) {
    if (/[\s,]/.test(version)) throw new ReleaseError('EUSAGE', `--protect "${version}" holds more than one version: pass one per --protect (in the Action, one per line)`);
  }
  const { store } = await storeFor(options, env, cwd, log, runtime.backoff);
  const author = commitAuthor(options);
  let removed: PublishedVersion[] = [];
  let unmatched: string[] = [];
  const applied = await store.apply(async (snapshot) => {
    const models = groupByModel(await versionsIn(snapshot, options.model), options.model);
    unmatched = protect.filter((version) => !models.some((m) => m.versions.some((v) => v.version === version)));
    removed = planPrune(models, options.keep, protect);
    // A typo protects nothing: before a real removal that is an error, not a warning after the fact.
    if (options.yes && unmatched.length > 0 && removed.length > 0) {
      throw new ReleaseError('EUSAGE', `--protect ${unmatched.join(', ')} matches no published version${options.model ? ` of ${options.model}` : ''}; nothing was removed. Fix the version, or drop it`);
    }
    if (!options.yes || removed.length === 0) return { done: null };
    const message = [`Prune models: remove ${removed.length} version${removed.length > 1 ? 's' : ''}`, '', ...removed.map((v) => `- ${v.model} ${v.version}`)].join('\n');
    return { writes: removed.map((v) => ({ folder: v.folder, files: null })), message, author, result: null };
  }, { branch: options.branch, what: 'pruning' });
  for (const version of unmatched) log.warn(`--protect ${version} matches no published version${options.model ? ` of ${options.model}` : ''}, so it protected nothing`);
  if (removed.length === 0) log.info('prune: nothing to remove');
  for (const v of removed) log.info(`prune: ${options.yes ? 'removing' : 'would remove'} ${v.model} ${v.version} (${v.folder})`);
  return applied.changed ? { removed, applied: true, commit: applied.commit } : { removed, applied: false };
}

export interface VerifyOptions extends Pick<ReleaseOptions, 'modelDir' | 'settings' | 'version' | 'verifyTimeout' | 'verifyInterval' | 'verifyHeaders' | 'request' | 'expect'> {
  verifyUrl: string;
  /** The model name; default: "name" in model-settings.json. */
  model?: string;
  /** Also check that the unversioned endpoint answers as this version does. */
  default?: boolean;
}

/** Checks a served version on its own: ready, then the sample request. */
export async function verifyVersion(options: VerifyOptions, runtime: HousekeepingRuntime = {}): Promise<VerifyResult & { model: string; version: string }> {
  const { env, cwd, log } = runtimeDefaults(runtime);
  const modelDir = path.resolve(cwd, options.modelDir ?? '.');
  const model = options.model ?? await modelNameFromSettings(path.resolve(cwd, options.settings ?? path.join(modelDir, 'model-settings.json')));
  const version = options.version ?? (await detectProvider(env).context({ env, cwd })).tag;
  if (!version) throw new ReleaseError('ENOVERSION', 'No version given: pass --version, or run on a git tag');
  const problems = [...segmentProblems(model, 'model'), ...segmentProblems(version, 'version')];
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'Invalid model or version', problems);
  const headers = parseHeaders(options.verifyHeaders, log);
  const plan = await planVerify(options, options.verifyUrl, headers, modelDir, cwd);
  const result = await verifyServed({ ...plan, model, version, log });
  if (options.default) await verifyDefaultServes({ ...plan, model, version, log }, result.response);
  return { ...result, model, version };
}

async function modelNameFromSettings(file: string): Promise<string> {
  return modelNameIn(await readSettingsFile(file), file);
}
