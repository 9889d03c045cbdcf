/**
 * promote: the exact bytes that were tested in one store (staging) become a
 * version in another (production), without running the notebook. The source
 * folder must still match its own release.json; the copy lands through the same
 * rules as a release (no-op when identical, conflict unless --force, review,
 * verify), with `Promoted-From` and `Release-Sha256` trailers; release.json stays
 * byte-identical; and afterwards the destination must hold what the source does.
 */
import path from 'node:path';
import { setDefault } from './default.js';
import { ReleaseError } from '../errors.js';
import { findVersion, groupByModel, versionsIn } from '../inventory.js';
import { silentLogger, type Logger } from '../log.js';
import { inferencePath, segmentProblems } from '../names.js';
import { parseHeaders, planVerify } from './release-plan.js';
import type { Env } from '../process.js';
import { assertMatchesRecord } from '../publish/integrity.js';
import { normalizeModelsPath, parseLayout, versionFolder } from '../publish/layout.js';
import { DEFAULT_NETWORK_TIMEOUT_MS } from '../publish/network.js';
import type { BackoffOptions } from '../publish/retry.js';
import { publishVersion } from '../publish-version.js';
import { detectProvider } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import { readSettingsFile } from '../settings/read.js';
import { modelNameIn } from '../settings/validate.js';
import { openStore, type StoreSide } from '../stores/resolve.js';
import { storageUriField } from '../stores/capabilities.js';
import type { ModelStore } from '../stores/types.js';
import { writeTempFiles } from '../temp-files.js';
import { verifyServed } from '../verify.js';
import { assertReloadUrl, reloadModel } from '../stores/folder.js';
import { markdownCode, markdownRow, markdownText } from '../providers/ci-text.js';
import type { PromoteResult } from '../results.js';
import { commitAuthor } from './author.js';
export type { PromoteResult } from '../results.js';


export interface PromoteOptions {
  version?: string;
  model?: string;
  modelDir?: string;
  settings?: string;
  from: StoreSide;
  to: StoreSide;
  modelsPath?: string;
  layout?: string;
  makeDefault?: boolean;
  review?: boolean;
  force?: boolean;
  dryRun?: boolean;
  gitUserName?: string;
  gitUserEmail?: string;
  networkTimeout?: number;
  verifyUrl?: string;
  verifyTimeout?: number;
  verifyInterval?: number;
  verifyHeaders?: string[];
  request?: string;
  expect?: string;
  s3Endpoint?: string;
  s3PathStyle?: boolean;
  /** A folder destination (a model volume): ask this MLServer to load the promoted version. */
  reloadUrl?: string;
}


export interface PromoteRuntime {
  env?: Env;
  cwd?: string;
  log?: Logger;
  provider?: Provider;
  backoff?: BackoffOptions;
}

const SIDES = {
  from: { flag: '--from', envNames: { repo: 'MLSERVER_STAGING_REPO', token: 'MLSERVER_STAGING_TOKEN' } },
  to: { flag: '--to', envNames: { repo: 'MLSERVER_PRODUCTION_REPO', token: 'MLSERVER_PRODUCTION_TOKEN' } },
} as const;

export async function promote(options: PromoteOptions, runtime: PromoteRuntime = {}): Promise<PromoteResult> {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  const provider = runtime.provider ?? detectProvider(env);
  const context = await provider.context({ env, cwd });

  // Everything is resolved and checked before anything is read or written.
  const version = options.version ?? context.tag ?? env.MLSERVER_VERSION;
  if (!version) throw new ReleaseError('ENOVERSION', 'No version given: pass --version, run on a tag, or pass the release job\'s dotenv (MLSERVER_VERSION)');
  const model = options.model ?? (await modelFromSettings(options, cwd));
  const problems = [...segmentProblems(model, 'model'), ...segmentProblems(version, 'version')];
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'Invalid model or version', problems);
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const layout = parseLayout(options.layout);
  const networkTimeoutMs = options.networkTimeout === undefined ? DEFAULT_NETWORK_TIMEOUT_MS : options.networkTimeout * 1000;
  const headers = parseHeaders(options.verifyHeaders, log);
  // Each side is one store; the object-storage endpoint is shared by both.
  const [from, to] = await Promise.all((['from', 'to'] as const).map((side) => openStore(
    { ...options[side], ...SIDES[side], s3Endpoint: options.s3Endpoint, s3PathStyle: options.s3PathStyle },
    { modelsPath, networkTimeoutMs, needsReviews: side === 'to' && Boolean(options.review), viaFlag: `--${side}-via` },
    { env, cwd, log, backoff: runtime.backoff },
  )));
  const { store: source, repository: fromRepo } = from;
  const { store: destination, repository: toRepo } = to;
  const same = fromRepo.url === toRepo.url && (options.from.branch ?? '') === (options.to.branch ?? '');
  if (same) throw new ReleaseError('EUSAGE', `--from and --to are the same store (${toRepo.url}${options.to.branch ? ` branch ${options.to.branch}` : ''}, models path "${modelsPath}"): promote copies between two`);
  // Only a store that is a folder here is a volume MLServer reads; it is the one with local files.
  if (options.reloadUrl && !destination.localFile) throw new ReleaseError('EUSAGE', `--reload-url is for a folder destination (--to-target folder, a model volume); ${destination.location} is loaded by whatever syncs it`);
  if (options.reloadUrl) assertReloadUrl(options.reloadUrl);
  const verify = options.verifyUrl ? await planVerify(options, options.verifyUrl, headers, path.resolve(cwd, options.modelDir ?? '.'), cwd) : undefined;
  const author = commitAuthor(options);
  log.info(`promote: ${model} ${version} from ${source.location} to ${destination.location}`);

  await log.group('Preflight', async () => {
    await source.preflight({ branch: options.from.branch, needsExistingBranch: true });
    await destination.preflight({ branch: options.to.branch, needsExistingBranch: Boolean(options.review) });
  });

  const { files, sha256, origin, folder: sourceFolder, artifact } = await log.group('Source', () => readSource(source, options.from.branch, model, version, log));
  const folder = versionFolder(modelsPath, model, version, layout);
  const base: Omit<PromoteResult, 'status' | 'pushed' | 'alreadyPublished'> = {
    model, version, folder, repo: destination.location, endpoint: inferencePath(model, version), source: origin,
    files: files.map((f) => `${folder}/${f.path}`), warnings: [...log.warnings],
    artifact,
  };
  if (options.dryRun) {
    log.info(`dry run: would copy ${sourceFolder}/ (${files.length} files) to ${destination.location} ${folder}/${options.makeDefault ? ', then make it the default' : ''}`);
    return { ...base, status: 'dry-run', pushed: false, alreadyPublished: false };
  }

  const staged = await writeTempFiles(files);
  let published;
  try {
    published = await log.group('Promote', async () => {
      const result = await publishVersion(destination, {
        folder,
        files: staged.files,
        identity: { model, version },
        ignoreForComparison: [],
        message: [`Promote model ${model} ${version}`, '', `Promoted-From: ${origin}`, ...(sha256 ? [`Release-Sha256: ${sha256}`] : [])].join('\n'),
        author,
        force: options.force ?? false,
        branch: options.to.branch,
        review: options.review ? { branch: `promote/${model}/${version}`, title: `Promote model ${model} ${version}`, body: `Promotes ${markdownCode(model)} ${markdownCode(version)} from ${markdownText(origin)}, byte for byte.\n\n| | |\n|---|---|\n${markdownRow(['Folder', markdownCode(`${folder}/`)])}\n${markdownRow(['Artifact sha256', sha256 ? markdownCode(sha256) : '—'])}\n` } : undefined,
        log,
      });
      if (!options.review) {
        try {
          await assertDestinationMatches(destination, options.to.branch, model, folder, staged.files, log);
        } catch (error) {
          // A new folder that does not hold the source's bytes is taken back; a replaced one (--force) cannot be restored.
          if (result.status === 'pushed' && !result.replaced) await takeBack(destination, options.to.branch, folder, author, log);
          throw error;
        }
      }
      return result;
    });
  } finally {
    await staged.remove();
  }

  let defaultVersion: string | undefined;
  if (options.makeDefault && !options.review) {
    defaultVersion = await log.group('Default', async () => (await setDefault(destination, { model, version, modelsPath, layout, author, branch: options.to.branch, log })).version);
  }
  // MLServer has no file watcher: a promoted version in a volume is served once it is asked to load it.
  if (options.reloadUrl && !options.review) await log.group('Reload', () => reloadModel(options.reloadUrl!, model, headers, log));
  let verifyResponse: unknown;
  if (verify) {
    verifyResponse = await log.group('Verify', async () => (await verifyServed({ ...verify, model, version, log })).response);
  }
  const already = published.status === 'already-published';
  return {
    ...base,
    warnings: [...log.warnings],
    status: already ? 'already-promoted' : 'pushed',
    pushed: !already,
    alreadyPublished: already,
    branch: published.branch,
    commit: published.commit,
    reviewUrl: published.reviewUrl,
    verified: verify ? true : undefined,
    verifyResponse,
    defaultVersion,
    ...storageUriField(toRepo, folder),
  };
}

async function modelFromSettings(options: PromoteOptions, cwd: string): Promise<string> {
  const modelDir = path.resolve(cwd, options.modelDir ?? '.');
  const file = path.resolve(cwd, options.settings ?? path.join(modelDir, 'model-settings.json'));
  return modelNameIn(await readSettingsFile(file), file);
}

async function readSource(store: ModelStore, branch: string | undefined, model: string, version: string, log: Logger) {
  const snapshot = await store.snapshot(branch, { model });
  const found = await findVersion(snapshot, model, version);
  if (!found) {
    const have = [...(groupByModel(await versionsIn(snapshot, model), model)[0]?.versions ?? [])].reverse().map((v) => v.version);
    throw new ReleaseError('ENOSUCHVERSION', `${store.location} has no ${model} ${version} to promote (it has: ${have.join(', ') || 'no versions of this model'})`);
  }
  const files = await store.readFolder(found.folder, branch);
  const { sha256, path: artifactPath, bytes, everyFile } = assertMatchesRecord(files, `${store.location} ${found.folder}`, log);
  const origin = `${store.location}${snapshot.head ? `@${snapshot.head}` : ''}`;
  log.info(`promote: read ${found.folder}/ (${files.length} files${sha256 ? `, artifact sha256 ${sha256.slice(0, 16)}...` : ''}); ${everyFile ? 'every file matches its release.json' : 'its artifact matches its release.json'}`);
  return { files, sha256, origin, folder: found.folder, artifact: sha256 && artifactPath && bytes !== undefined ? { path: artifactPath, bytes, sha256 } : undefined };
}

async function takeBack(store: ModelStore, branch: string | undefined, folder: string, author: { name: string; email: string }, log: Logger): Promise<void> {
  try {
    await store.apply(async () => ({ writes: [{ folder, files: null }], message: `Take back ${folder}: it did not hold the promoted bytes`, author, result: null }), { branch, what: `removing ${folder}` });
    log.warn(`promote: ${folder} did not hold the promoted bytes after the write, so it was removed again`);
  } catch (error) {
    log.error(`promote: ${folder} did not hold the promoted bytes and could not be removed (${(error as Error).message}); remove it by hand`);
  }
}

/** After writing, the destination must hold exactly the source's files; a new folder that does not is taken back. */
async function assertDestinationMatches(store: ModelStore, branch: string | undefined, model: string, folder: string, files: Array<{ path: string; source: string }>, log: Logger): Promise<void> {
  const after = await store.snapshot(branch, { model });
  const stored = after.folders.get(folder);
  const theirs = stored ? await stored.files() : new Map<string, string>();
  // Content ids come from the store's own hashing (git blob ids need its session), which apply provides.
  const mismatch = await store.apply(async (snapshot) => {
    const mine = await snapshot.contentIds(folder, files);
    const same = mine.size === theirs.size && [...mine].every(([p, id]) => theirs.get(p) === id);
    return { done: same };
  }, { branch, what: `checking ${folder}` });
  if (!mismatch.result) {
    throw new ReleaseError('EINTEGRITY', `${store.location} ${folder} does not hold the promoted bytes after the write; check the store, and promote again`);
  }
  log.info(`promote: ${folder}/ in ${store.location} holds exactly the source's files`);
}
