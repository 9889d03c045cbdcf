/**
 * rollout: a version in object storage becomes what KServe or Seldon Core v2
 * serve, as a GitOps change to the team's manifests repository (Argo CD or Flux
 * apply it; the tool never talks to the cluster). The change is one commit, or a
 * pull/merge request with --review, through the store interface: no force-push,
 * retried on races, and an identical rerun changes nothing. The previous stable
 * version is read from the manifest itself, so --rollback needs no other state.
 */
import path from 'node:path';
import { ReleaseError } from './errors.js';
import { silentLogger, type Logger } from './log.js';
import { segmentProblems } from './names.js';
import type { Env } from './process.js';
import { normalizeModelsPath, parseLayout, versionFolder } from './publish/layout.js';
import type { BackoffOptions } from './publish/retry.js';
import { kserveManifest } from './rollout/kserve.js';
import { modelFormat } from './rollout/names.js';
import { seldonManifest } from './rollout/seldon.js';
import type { RolloutAction, RolloutPlan } from './rollout/types.js';
import { readSettingsFile } from './settings/read.js';
import { modelNameIn } from './settings/validate.js';
import { openStore } from './stores/resolve.js';
import { storageUriOf } from './stores/s3.js';

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
  canary?: number;
  promote?: boolean;
  rollback?: boolean;
  review?: boolean;
  dryRun?: boolean;
  gitUserName?: string;
  gitUserEmail?: string;
}

export interface RolloutResult {
  platform: Platform;
  model: string;
  version: string;
  file: string;
  manifestsRepo: string;
  changed: boolean;
  summary: string;
  commit?: string;
  reviewUrl?: string;
  storageUri: string;
}

const FILES: Record<Platform, string> = { kserve: 'inferenceservice.yaml', seldon: 'seldon.yaml' };

export async function rollout(options: RolloutOptions, runtime: { env?: Env; cwd?: string; log?: Logger; backoff?: BackoffOptions } = {}): Promise<RolloutResult> {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  const platform = options.platform as Platform;
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new ReleaseError('EUSAGE', `--platform must be kserve or seldon, got "${options.platform ?? ''}"`);
  const chosen = [options.canary !== undefined, options.promote, options.rollback].filter(Boolean).length;
  if (chosen > 1) throw new ReleaseError('EUSAGE', 'Pass at most one of --canary, --promote and --rollback');
  if (options.canary !== undefined && !(Number.isInteger(options.canary) && options.canary >= 1 && options.canary <= 99)) {
    throw new ReleaseError('EUSAGE', `--canary must be a whole percent from 1 to 99, got ${options.canary}`);
  }
  const action: RolloutAction = options.canary !== undefined ? { kind: 'canary', percent: options.canary } : options.promote ? { kind: 'promote' } : options.rollback ? { kind: 'rollback' } : { kind: 'deploy' };
  const settingsFile = path.resolve(cwd, options.settings ?? path.join(options.modelDir ?? '.', 'model-settings.json'));
  const settings = await readSettingsFile(settingsFile) as { implementation?: unknown };
  const model = options.model ?? modelNameIn(settings, settingsFile);
  const version = options.version ?? env.MLSERVER_VERSION ?? env.CI_COMMIT_TAG ?? '';
  const problems = [...segmentProblems(model, 'model'), ...segmentProblems(version, 'version')];
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'Invalid model or version', problems);
  const format = modelFormat(String(settings.implementation ?? ''));
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const storageUri = options.storageUri ?? (options.storeRepo || env.MLSERVER_STORE_REPO
    ? storageUriOf(options.storeRepo || env.MLSERVER_STORE_REPO!, versionFolder(modelsPath, model, version, parseLayout(options.layout)))
    : undefined);
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
  const file = folder ? `${folder}/${FILES[platform]}` : FILES[platform];
  const render = platform === 'kserve' ? kserveManifest : seldonManifest;
  const author = { name: options.gitUserName || env.GIT_USER_NAME || 'mlserver-release', email: options.gitUserEmail || env.GIT_USER_EMAIL || 'mlserver-release@users.noreply.localhost' };
  const what = action.kind === 'canary' ? `canary ${action.percent}%` : action.kind;
  const message = `Roll out model ${model} ${version} on ${platform}: ${what}`;

  if (options.dryRun) {
    const current = (await (await store.snapshot(options.manifestsBranch)).readTexts([file])).get(file);
    const next = render(current, plan, file);
    log.info(`dry run: ${next.summary}; ${file} would read:\n${next.text}`);
    return { platform, model, version, file, manifestsRepo: store.location, changed: next.text !== current, summary: next.summary, storageUri: plan.storageUri };
  }
  // The other files of the manifests folder are written back with ours: a store writes folders whole.
  const others = (await store.readFolder(folder, options.manifestsBranch)).filter((f) => f.path !== FILES[platform]);
  let summary = '';
  const branch = options.review ? `rollout/${model}/${version}` : options.manifestsBranch;
  const target = options.review ? options.manifestsBranch ?? (await store.defaultBranch?.()) : undefined;
  const applied = await store.apply(async (snapshot) => {
    const current = (await snapshot.readTexts([file])).get(file);
    const next = render(current, plan, file);
    summary = next.summary;
    if (next.text === current) return { done: null };
    return { writes: [{ folder, files: [...others.map((f) => ({ path: f.path, content: f.content.toString('utf8') })), { path: FILES[platform], content: next.text }] }], message, author, result: null };
  }, { branch, startFrom: target, what: `writing ${file}` });
  let reviewUrl: string | undefined;
  if (options.review && applied.changed && store.openReview && target) {
    reviewUrl = (await store.openReview(branch!, target, message, `${summary}\n\n\`${file}\` in ${store.location}; Argo CD or Flux apply it once merged.\n`)).url;
  }
  log.info(`rollout: ${summary}${applied.changed ? '' : ' (nothing to change)'}`);
  return { platform, model, version, file, manifestsRepo: store.location, changed: applied.changed, summary, commit: applied.commit, reviewUrl, storageUri: plan.storageUri };
}
