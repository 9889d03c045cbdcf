/**
 * rollout: a version in object storage becomes what KServe or Seldon Core v2
 * serve, as a GitOps change to the team's manifests repository (Argo CD or Flux
 * apply it; the tool never talks to the cluster). The change is one commit, or a
 * pull/merge request with --review, through the store interface: no force-push,
 * retried on races, and an identical rerun changes nothing. The previous stable
 * version is read from the manifest itself, so --rollback needs no other state.
 */
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { segmentProblems } from '../names.js';
import type { Env } from '../process.js';
import { normalizeModelsPath, parseLayout, versionFolder } from '../publish/layout.js';
import type { BackoffOptions } from '../publish/retry.js';
import { kserveManifest } from '../rollout/kserve.js';
import { modelFormat } from '../rollout/names.js';
import { seldonManifest } from '../rollout/seldon.js';
import type { RolloutAction, RolloutPlan } from '../rollout/types.js';
import { readSettingsFile } from '../settings/read.js';
import { modelNameIn } from '../settings/validate.js';
import { editManifest } from '../rollout/manifest.js';
import { markdownCode, markdownText } from '../providers/ci-text.js';
import { isDns1123Label } from '../rollout/names.js';
import { findVersion } from '../inventory.js';
import { openStore } from '../stores/resolve.js';
import type { Layout } from '../publish/layout.js';
import type { StoreRuntime } from '../stores/resolve.js';
import { storageUriOf } from '../stores/s3.js';
import type { RolloutResult } from '../results.js';
import { commitAuthor } from './author.js';
import { assertStoredVersionSigned, readSignaturePolicy, type SignaturePolicy } from '../signing/sign.js';
export type { RolloutResult } from '../results.js';

export const PLATFORMS = ['kserve', 'seldon'] as const;
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


const FILES: Record<Platform, string> = { kserve: 'inferenceservice.yaml', seldon: 'seldon.yaml' };

export async function rollout(options: RolloutOptions, runtime: { env?: Env; cwd?: string; log?: Logger; backoff?: BackoffOptions } = {}): Promise<RolloutResult> {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  const platform = options.platform as Platform;
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new ReleaseError('EUSAGE', options.platform ? `--platform must be kserve or seldon, got "${options.platform}"` : '--platform is required: kserve or seldon');
  const chosen = [options.canary !== undefined, options.promote, options.rollback].filter(Boolean).length;
  if (chosen > 1) throw new ReleaseError('EUSAGE', 'Pass at most one of --canary, --promote and --rollback');
  const percent = options.canary === undefined ? undefined : canaryPercent(options.canary);
  const action: RolloutAction = percent !== undefined ? { kind: 'canary', percent } : options.promote ? { kind: 'promote' } : options.rollback ? { kind: 'rollback' } : { kind: 'deploy' };
  if (options.namespace !== undefined && !isDns1123Label(options.namespace)) {
    throw new ReleaseError('EUSAGE', `--namespace "${printable(options.namespace)}" is not a Kubernetes namespace name (DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit)`);
  }
  if (options.storageUri !== undefined) assertStorageUri(options.storageUri);
  const settingsFile = path.resolve(cwd, options.settings ?? path.join(options.modelDir ?? '.', 'model-settings.json'));
  const settings = await readSettingsFile(settingsFile) as { implementation?: unknown };
  const model = options.model ?? modelNameIn(settings, settingsFile);
  const version = options.version ?? env.MLSERVER_VERSION ?? env.CI_COMMIT_TAG ?? '';
  const problems = [...segmentProblems(model, 'model'), ...segmentProblems(version, 'version')];
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'Invalid model or version', problems);
  const format = modelFormat(String(settings.implementation ?? ''));
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const storeRepo = options.storeRepo || env.MLSERVER_STORE_REPO;
  const layout = parseLayout(options.layout);
  const storageUri = options.storageUri ?? (storeRepo ? storageUriOf(storeRepo, versionFolder(modelsPath, model, version, layout)) : undefined);
  if (!storageUri && (action.kind === 'deploy' || action.kind === 'canary')) throw new ReleaseError('EUSAGE', 'Where is the version? Pass --storage-uri, or --store-repo s3://bucket/prefix where it was published');
  const plan: RolloutPlan = { model, version, storageUri: storageUri ?? '', modelFormat: format, namespace: options.namespace, action };

  const { store } = await openStore(
    {
      repo: options.manifestsRepo, token: options.manifestsToken, target: options.manifestsTarget, via: options.manifestsVia, branch: options.manifestsBranch,
      hostType: options.hostType, apiUrl: options.apiUrl, tokenType: options.tokenType,
      envNames: { repo: 'MLSERVER_MANIFESTS_REPO', token: 'MLSERVER_MANIFESTS_TOKEN' }, flag: '--manifests-repo',
    },
    { modelsPath: '', needsReviews: Boolean(options.review), viaFlag: '--manifests-via' },
    { env, cwd, log, backoff: runtime.backoff },
  );
  // The same rules as --models-path: relative, and a path git can store (no .., no .git).
  const folder = normalizeModelsPath(options.manifestsPath ?? `deploy/${model}`, '--manifests-path');
  if (!folder) throw new ReleaseError('EUSAGE', `--manifests-path "${options.manifestsPath}" names the store's root; give the folder that holds the manifests, such as deploy/${model}`);
  const file = folder ? `${folder}/${FILES[platform]}` : FILES[platform];
  const render = platform === 'kserve' ? kserveManifest : seldonManifest;
  const author = commitAuthor(options);
  const signedBy = await readSignaturePolicy(options, cwd);
  if (signedBy && !storeRepo) throw new ReleaseError('EUSAGE', '--require-signature checks the version where it was published: pass --store-repo s3://bucket/prefix');
  const what = action.kind === 'canary' ? `canary ${action.percent}%` : action.kind;
  const message = `Roll out model ${model} ${version} on ${platform}: ${what}`;

  // A manifest must never point at a version that is not there: KServe's storage initializer would fail in the pod.
  // --require-signature: whatever the action, the version it names is checked where it was published first.
  if (storeRepo && (signedBy || (!options.storageUri && (action.kind === 'deploy' || action.kind === 'canary')))) {
    await assertPublished(storeRepo, { model, version, modelsPath, layout, s3Endpoint: options.s3Endpoint, s3PathStyle: options.s3PathStyle, signedBy }, { env, cwd, log, backoff: runtime.backoff });
  } else if (action.kind === 'deploy' || action.kind === 'canary') {
    log.info(`rollout: ${plan.storageUri} is given as --storage-uri, so whether it holds ${model} ${version} is not checked`);
  }
  const edit = (current: string | undefined) => editManifest(file, () => render(current, plan, file));

  if (options.dryRun) {
    const current = (await (await store.snapshot(options.manifestsBranch)).readTexts([file])).get(file);
    const next = edit(current);
    log.info(`dry run: ${next.summary}; ${file} would read:\n${next.text}`);
    return { platform, model, version, file, manifestsRepo: store.location, changed: next.text !== current, summary: next.summary, storageUri: plan.storageUri, dryRun: true };
  }
  let summary = '';
  const branch = options.review ? `rollout/${model}/${version}` : options.manifestsBranch;
  const target = options.review ? options.manifestsBranch ?? (await store.defaultBranch?.()) : undefined;
  // Read and edited on every attempt (a racing rollout's commit is seen), and only our file is written:
  // the folder's other files keep their stored bytes, modes and symlinks.
  const applied = await store.apply(async (snapshot) => {
    const current = (await snapshot.readTexts([file])).get(file);
    const next = edit(current);
    summary = next.summary;
    if (next.text === current) return { done: null };
    return { writes: [{ folder, files: [{ path: FILES[platform], content: next.text }], keepOthers: true }], message, author, result: null };
  }, { branch, startFrom: target, what: `writing ${file}` });
  let reviewUrl: string | undefined;
  if (options.review && applied.changed && store.openReview && target) {
    reviewUrl = (await store.openReview(branch!, target, message, `${markdownText(summary)}\n\n${markdownCode(file)} in ${markdownText(store.location)}; Argo CD or Flux apply it once merged.\n`)).url;
  }
  log.info(`rollout: ${summary}${applied.changed ? '' : ' (nothing to change)'}`);
  return { platform, model, version, file, manifestsRepo: store.location, changed: applied.changed, summary, commit: applied.commit, reviewUrl, storageUri: plan.storageUri };
}

/** Shown inside a message: control characters spelled out, so a value cannot break a line. */
function printable(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** --canary as a whole percent from 1 to 99; text must be plain digits ("0x10" and "1e1" are refused). */
export function canaryPercent(value: number | string): number {
  const percent = typeof value === 'number' ? value : /^[0-9]{1,2}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!(Number.isInteger(percent) && percent >= 1 && percent <= 99)) {
    throw new ReleaseError('EUSAGE', `--canary must be a whole percent from 1 to 99, got "${printable(String(value))}"`);
  }
  return percent;
}

/**
 * Schemes KServe's storage initializer and Seldon's agent download from (KServe
 * python/kserve/kserve/storage/storage.py; Seldon Core v2 uses rclone remotes of
 * the same names). Anything else would fail in the pod, after Argo CD applied it.
 */
const STORAGE_SCHEMES = ['s3', 'gs', 'pvc', 'https', 'http', 'hdfs', 'webhdfs', 'oci', 'hf', 'azure'];

export function assertStorageUri(uri: string): void {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^\s]+)$/.exec(uri);
  const problems: string[] = [];
  if (!match) problems.push('it must be SCHEME://LOCATION with no spaces or line breaks');
  else {
    if (!STORAGE_SCHEMES.includes(match[1])) problems.push(`the scheme "${match[1]}" is not one of ${STORAGE_SCHEMES.join(', ')}`);
    if (match[2].split('/').some((part) => part === '..' || part === '.')) problems.push('it has a "." or ".." path component');
    if (/[\u0000-\u001f\u007f]/.test(match[2])) problems.push('it has a control character');
  }
  if (problems.length > 0) throw new ReleaseError('EUSAGE', `--storage-uri "${printable(uri)}" is not a location KServe or Seldon can download from`, problems);
}

async function assertPublished(
  storeRepo: string,
  where: { model: string; version: string; modelsPath: string; layout: Layout; s3Endpoint?: string; s3PathStyle?: boolean; signedBy?: SignaturePolicy },
  runtime: StoreRuntime,
): Promise<void> {
  const { store } = await openStore({ repo: storeRepo, target: 's3', s3Endpoint: where.s3Endpoint, s3PathStyle: where.s3PathStyle }, { modelsPath: where.modelsPath }, runtime);
  const found = await findVersion(await store.snapshot(undefined, { model: where.model }), where.model, where.version);
  if (!found) {
    throw new ReleaseError('ENOSUCHVERSION', `${store.location} has no published ${where.model} ${where.version} (no folder with a release.json); publish it before rolling it out`);
  }
  if (where.signedBy) await assertStoredVersionSigned(store, found.folder, undefined, where.signedBy, runtime.log ?? silentLogger());
}
