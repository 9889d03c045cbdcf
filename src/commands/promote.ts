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
import { assertListedAsRecorded, assertMatchesRecord } from '../publish/integrity.js';
import { normalizeModelsPath, parseLayout, RECORD_FILE, SETTINGS_FILE, versionFolder } from '../publish/layout.js';
import { DEFAULT_NETWORK_TIMEOUT_MS } from '../publish/network.js';
import type { BackoffOptions } from '../publish/retry.js';
import { publishVersion } from '../publish-version.js';
import { detectProvider } from '../providers/index.js';
import type { Provider } from '../providers/types.js';
import { readSettingsFile } from '../settings/read.js';
import { modelNameIn } from '../settings/validate.js';
import { openStore, type StoreSide } from '../stores/resolve.js';
import { storageUriField } from '../stores/capabilities.js';
import type { FileToPublish, ModelStore } from '../stores/types.js';
import { downloadFolder, listFolder, recordText } from '../stores/download.js';
import { verifyServed } from '../verify.js';
import { assertReloadUrl, reloadModel } from '../stores/folder.js';
import { markdownCode, markdownRow, markdownText } from '../providers/ci-text.js';
import type { PromoteResult } from '../results.js';
import { commitAuthor } from './author.js';
import { assertDownloadedSigned, readSignaturePolicy, type SignaturePolicy } from '../signing/sign.js';
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
  /** Verify the source's model.sig before anything is written: with `publicKey`, or keyless with the signer, issuer and trusted root. */
  requireSignature?: boolean;
  publicKey?: string;
  signerIdentity?: string;
  signerIssuer?: string;
  trustedRoot?: string;
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
  // The key is read before anything else runs: a missing or wrong key is exit 2 up front.
  const signedBy = await readSignaturePolicy(options, cwd);
  log.info(`promote: ${model} ${version} from ${source.location} to ${destination.location}`);

  await log.group('Preflight', async () => {
    await source.preflight({ branch: options.from.branch, needsExistingBranch: true });
    await destination.preflight({ branch: options.to.branch, needsExistingBranch: Boolean(options.review) });
  });

  const { files, remove, sha256, origin, folder: sourceFolder, artifact } = await log.group('Source', () => readSource(source, destination, options.from.branch, model, version, log, signedBy));
  try {
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

    const published = await log.group('Promote', async () => {
      const result = await publishVersion(destination, {
        folder,
        files,
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
          await assertDestinationMatches(destination, options.to.branch, model, folder, files, log);
        } catch (error) {
          // A new folder that does not hold the source's bytes is taken back; a replaced one (--force) cannot be restored.
          if (result.status === 'pushed' && !result.replaced) await takeBack(destination, options.to.branch, folder, author, log);
          throw error;
        }
      }
      return result;
    });

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
  } finally {
    await remove();
  }
}

async function modelFromSettings(options: PromoteOptions, cwd: string): Promise<string> {
  const modelDir = path.resolve(cwd, options.modelDir ?? '.');
  const file = path.resolve(cwd, options.settings ?? path.join(modelDir, 'model-settings.json'));
  return modelNameIn(await readSettingsFile(file), file);
}

/**
 * The source version, checked against its release.json before anything is
 * written. Where the destination can copy the source's files where they are (two
 * prefixes or buckets behind one S3 endpoint), only the small texts are read and
 * the files are copied by the server; otherwise every file is streamed to disk and
 * hashed in the same pass.
 */
async function readSource(store: ModelStore, destination: ModelStore, branch: string | undefined, model: string, version: string, log: Logger, signedBy?: SignaturePolicy) {
  const snapshot = await store.snapshot(branch, { model });
  const found = await findVersion(snapshot, model, version);
  if (!found) {
    const have = [...(groupByModel(await versionsIn(snapshot, model), model)[0]?.versions ?? [])].reverse().map((v) => v.version);
    throw new ReleaseError('ENOSUCHVERSION', `${store.location} has no ${model} ${version} to promote (it has: ${have.join(', ') || 'no versions of this model'})`);
  }
  const where = `${store.location} ${found.folder}`;
  const origin = `${store.location}${snapshot.head ? `@${snapshot.head}` : ''}`;
  const ids = (await snapshot.folders.get(found.folder)?.files()) ?? new Map<string, string>();
  const references = [...ids.keys()].map((file) => store.referenceTo?.(found.folder, file));
  const result = (checked: { path?: string; sha256?: string; bytes?: number }, how: string, files: FileToPublish[], remove: () => Promise<void>) => {
    const { sha256, path: artifactPath, bytes } = checked;
    log.info(`promote: ${found.folder}/ (${files.length} files${sha256 ? `, artifact sha256 ${sha256.slice(0, 16)}...` : ''}): ${how}`);
    return { files, remove, sha256, origin, folder: found.folder, artifact: sha256 && artifactPath && bytes !== undefined ? { path: artifactPath, bytes, sha256 } : undefined };
  };
  // Trusted without reading the bytes only where the store keeps each file's sha256 with it (object storage
  // records the one its writer computed); an object that lacks it is streamed and hashed like any other.
  const sha256Ids = [...ids].every(([file, id]) => file === RECORD_FILE || /^[0-9a-f]{64}$/.test(id));
  // A signature is checked against bytes this machine hashed, so --require-signature always streams.
  if (!signedBy && references.length > 0 && sha256Ids && references.every((reference) => reference && destination.canCopy?.(reference))) {
    const texts = await snapshot.readTexts([`${found.folder}/${RECORD_FILE}`, `${found.folder}/${SETTINGS_FILE}`]);
    const known = new Map([...texts].map(([p, text]) => [p.slice(found.folder.length + 1), text]));
    // Listed through the store boundary, which refuses a symlink, a submodule or a hostile path; nothing is downloaded.
    const listed = (await listFolder(store, found.folder, branch)).map((file) => file.path);
    const checked = assertListedAsRecorded(listed, known, known.get(RECORD_FILE), where, log, ids);
    // The texts are written from what was read and checked; every other file is copied by the server.
    const files = listed.map((file): FileToPublish => (known.has(file) ? { path: file, content: known.get(file)! } : { path: file, stored: store.referenceTo!(found.folder, file) }));
    return result(checked, 'the files and their recorded sha256 match its release.json; copied on the server, no byte through this machine', files, async () => undefined);
  }
  // Streamed to disk and hashed in the same pass; nothing is written anywhere before the check below passes.
  const downloaded = await downloadFolder(store, found.folder, branch, log);
  try {
    const checked = assertMatchesRecord(downloaded.files, await recordText(downloaded), where, log);
    if (signedBy) await assertDownloadedSigned(downloaded.files, signedBy, where, log);
    const files = downloaded.files.map((file): FileToPublish => ({ path: file.path, source: file.source, sha256: file.sha256 }));
    return result(checked, checked.everyFile ? 'every file matches its release.json' : 'its artifact matches its release.json', files, downloaded.remove);
  } catch (error) {
    await downloaded.remove();
    throw error;
  }
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
async function assertDestinationMatches(store: ModelStore, branch: string | undefined, model: string, folder: string, files: FileToPublish[], log: Logger): Promise<void> {
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
