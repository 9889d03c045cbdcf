/**
 * What unversioned URLs serve. MLServer answers /v2/models/<name>/infer with a
 * model folder of that name that has no parameters.version, when there is one
 * (checked on MLServer 1.3.2); otherwise it compares versions as text, so v1.0.9
 * beats v1.0.10. `default` publishes that version-less copy of one version:
 * `<models-path>/<name>/` in the name-version layout, `<models-path>/<name>/<name>/`
 * in the name/version one, so that it never contains version folders (a folder is
 * replaced whole) and is named after the model (MLServer logs no name warning), with the version's artifact and files, the
 * settings without parameters.version, and a release.json that says `default:
 * true` and which version it stands for. Rolling back is `default` with an older
 * version: one change, no retraining.
 */
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { silentLogger } from '../log.js';
import { segmentProblems } from '../names.js';
import { parseHeaders } from './release-plan.js';
import type { Env } from '../process.js';
import type { BackoffOptions } from '../publish/retry.js';
import { readSettingsFile } from '../settings/read.js';
import { modelNameIn } from '../settings/validate.js';
import { assertReloadUrl, reloadModel } from '../stores/folder.js';
import { openStore, type StoreSide } from '../stores/resolve.js';
import type { Identity } from '../git.js';
import { groupByModel, versionsIn } from '../inventory.js';
import type { Logger } from '../log.js';
import { normalizeModelsPath, parseLayout, RECORD_FILE, SETTINGS_FILE, type Layout, type RecordedFile } from '../publish/layout.js';
import { recordedIdentity } from '../publish/ownership.js';
import type { FileToPublish, ModelStore } from '../stores/types.js';
import { assertListedAsRecorded, assertMatchesRecord } from '../publish/integrity.js';
import { downloadFolder, listFolder, recordText, type DownloadedFile } from '../stores/download.js';
import { createHash } from 'node:crypto';
import { newestVersion } from '../versions.js';
import type { DefaultResult } from '../results.js';
import { commitAuthor } from './author.js';
import { SIGNATURE_FILE } from '../signing/statement.js';
export type { DefaultResult } from '../results.js';

export interface SetDefaultInput {
  model: string;
  /** A version, or "newest" (by semver). */
  version: string;
  modelsPath: string;
  layout: Layout;
  author: Identity;
  branch?: string;
  log: Logger;
  /** Check the version and its bytes, write nothing. */
  dryRun?: boolean;
}

export interface DefaultSet {
  version: string;
  folder: string;
  changed: boolean;
  commit?: string;
}

export function defaultFolder(modelsPath: string, model: string, layout: Layout): string {
  const leaf = layout === 'name/version' ? `${model}/${model}` : model;
  return modelsPath ? `${modelsPath}/${leaf}` : leaf;
}

export async function setDefault(store: ModelStore, input: SetDefaultInput): Promise<DefaultSet> {
  const folder = defaultFolder(input.modelsPath, input.model, input.layout);
  const snapshot = await store.snapshot(input.branch, { model: input.model });
  const versions = groupByModel(await versionsIn(snapshot, input.model), input.model)[0]?.versions ?? [];
  const version = input.version === 'newest' ? newestVersion(versions.map((v) => v.version)) : input.version;
  const chosen = version ? versions.find((v) => v.version === version) : undefined;
  if (!chosen) {
    const have = [...versions].reverse().map((v) => v.version).join(', ') || 'none';
    throw new ReleaseError('ENOSUCHVERSION', `${input.model} ${input.version} is not published in ${store.location} (it has: ${have}); publish or promote it first`);
  }
  const where = `${store.location} ${chosen.folder}`;
  const ids = (await snapshot.folders.get(chosen.folder)?.files()) ?? new Map<string, string>();
  const texts = await snapshot.readTexts([`${chosen.folder}/${RECORD_FILE}`, `${chosen.folder}/${SETTINGS_FILE}`]);
  const versionRecord = texts.get(`${chosen.folder}/${RECORD_FILE}`);
  const settingsText = texts.get(`${chosen.folder}/${SETTINGS_FILE}`);
  // The copy is made where the bytes are (the same git blobs, an S3 server-side copy, a hard link): the
  // folder must list what its release recorded, and its settings must be the recorded ones.
  const { referenceTo, canCopy } = store;
  const byReference = Boolean(referenceTo && canCopy) && [...ids.keys()].every((file) => canCopy!(referenceTo!(chosen.folder, file)));
  // Listed through the store boundary, which refuses a symlink, a submodule or a hostile path; nothing is downloaded.
  // The default copy is not the signed version (its settings and record differ): it carries no model.sig.
  const listed = byReference ? (await listFolder(store, chosen.folder, input.branch)).map((file) => file.path).filter((file) => file !== SIGNATURE_FILE) : [];
  if (byReference) {
    assertListedAsRecorded(listed, new Map(settingsText !== undefined ? [[SETTINGS_FILE, settingsText]] : []), versionRecord, where, input.log, ids);
  }
  const rewritten = asDefault(settingsText, versionRecord, chosen.version, where);
  if (input.dryRun) {
    if (!byReference) await withDownload(store, chosen.folder, input, async () => undefined);
    input.log.info(`dry run: would make ${input.model} ${chosen.version} (${chosen.folder}/) the default in ${folder}/; nothing written`);
    return { version: chosen.version, folder, changed: false };
  }
  const write = async (files: FileToPublish[]) => {
    const applied = await store.apply(async (current) => {
      const nested = [...current.folders.keys()].filter((other) => other.startsWith(`${folder}/`));
      if (nested.length > 0) {
        throw new ReleaseError('EUSAGE', `${folder} holds version folders (${nested.join(', ')}): this repository uses the name/version layout, so pass --layout name/version`);
      }
      const existing = current.folders.get(folder);
      if (existing) {
        // Only a default copy of this model may be replaced; anything else in that folder is someone's version.
        const held = await current.readTexts([`${folder}/${RECORD_FILE}`, `${folder}/${SETTINGS_FILE}`]);
        const record = parseRecord(held.get(`${folder}/${RECORD_FILE}`));
        if (record?.default !== true || record.model !== input.model) {
          const owner = recordedIdentity(held.get(`${folder}/${RECORD_FILE}`), held.get(`${folder}/${SETTINGS_FILE}`));
          throw new ReleaseError('EFOLDEROWNER', `${folder} holds ${owner ? `model "${owner.model}"${owner.version ? ` version "${owner.version}"` : ''}` : 'files mlserver-release did not write'}, not a default copy of ${input.model}; it is left alone`);
        }
        const mine = await current.contentIds(folder, files);
        const theirs = await existing.files();
        if (mine.size === theirs.size && [...mine].every(([p, id]) => theirs.get(p) === id)) {
          input.log.info(`default: ${folder} already stands for ${input.model} ${chosen.version}`);
          return { done: null };
        }
      }
      return { writes: [{ folder, files }], message: `Make ${input.model} ${chosen.version} the default`, author: input.author, result: null };
    }, { branch: input.branch, what: `making ${input.model} ${chosen.version} the default`, expected: { folder, files } });
    input.log.info(`default: /v2/models/${input.model}/infer now serves ${chosen.version} (${folder}/)`);
    return { version: chosen.version, folder, changed: applied.changed, commit: applied.commit };
  };
  const textFile = (file: string): FileToPublish | undefined =>
    file === SETTINGS_FILE && rewritten.settings !== undefined ? { path: file, content: rewritten.settings } : file === RECORD_FILE ? { path: file, content: rewritten.record } : undefined;
  if (byReference) {
    return write(listed.map((file) => textFile(file) ?? { path: file, stored: store.referenceTo!(chosen.folder, file) }));
  }
  // A store that cannot copy where the bytes are: the version is streamed through this machine and re-hashed.
  return withDownload(store, chosen.folder, input, (downloaded) => write(downloaded.filter((file) => file.path !== SIGNATURE_FILE).map((file) => textFile(file.path) ?? { path: file.path, source: file.source })));
}

async function withDownload<T>(store: ModelStore, folder: string, input: SetDefaultInput, use: (files: DownloadedFile[]) => Promise<T>): Promise<T> {
  const downloaded = await downloadFolder(store, folder, input.branch, input.log);
  try {
    assertMatchesRecord(downloaded.files, await recordText(downloaded), `${store.location} ${folder}`, input.log);
    return await use(downloaded.files);
  } finally {
    await downloaded.remove();
  }
}

function parseRecord(text: string | undefined): Record<string, unknown> | undefined {
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The version's texts as the default copy holds them: settings without
 * parameters.version, and a release.json that says `default: true` and records
 * the changed settings, so the copy matches its own record.
 */
function asDefault(settingsText: string | undefined, recordText: string | undefined, version: string, where: string): { settings?: string; record: string } {
  const parse = (text: string | undefined, file: string) => {
    try {
      const value = JSON.parse(text ?? '') as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw new ReleaseError('ESTOREDATA', `${where}/${file} is not a JSON object, so no default copy can be made of it`);
  };
  let settings: string | undefined;
  if (settingsText !== undefined) {
    const parsed = parse(settingsText, SETTINGS_FILE);
    if (parsed.parameters && typeof parsed.parameters === 'object') delete (parsed.parameters as Record<string, unknown>).version;
    settings = JSON.stringify(parsed, null, 2) + '\n';
  }
  const record = parse(recordText, RECORD_FILE);
  if (Array.isArray(record.files) && settings !== undefined) {
    record.files = (record.files as RecordedFile[]).map((entry) => (entry.path === SETTINGS_FILE ? { path: SETTINGS_FILE, bytes: Buffer.byteLength(settings!), sha256: createHash('sha256').update(settings!).digest('hex') } : entry));
  }
  return { settings, record: JSON.stringify({ ...record, version, default: true }, null, 2) + '\n' };
}

/** Which version the default copy of `model` stands for, if any. */
export async function currentDefault(store: ModelStore, model: string, branch?: string): Promise<string | undefined> {
  return groupByModel(await versionsIn(await store.snapshot(branch, { model }), model), model)[0]?.defaultVersion;
}


export interface DefaultOptions extends StoreSide {
  /** A version, or "newest". */
  version?: string;
  model?: string;
  modelDir?: string;
  settings?: string;
  modelsPath?: string;
  layout?: string;
  reloadUrl?: string;
  verifyHeaders?: string[];
  gitUserName?: string;
  gitUserEmail?: string;
  networkTimeout?: number;
  dryRun?: boolean;
}


/** `mlserver-release default`: make V (or the newest) what /v2/models/<name>/infer serves. */
export async function defaultCommand(options: DefaultOptions, runtime: { env?: Env; cwd?: string; log?: Logger; backoff?: BackoffOptions } = {}): Promise<DefaultResult> {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  const version = options.version ?? env.MLSERVER_VERSION;
  if (!version) throw new ReleaseError('ENOVERSION', 'No version given: pass --version V, or --version newest');
  const model = options.model ?? modelNameIn(await readSettingsFile(path.resolve(cwd, options.settings ?? path.join(options.modelDir ?? '.', 'model-settings.json'))), 'model-settings.json');
  const problems = [...segmentProblems(model, 'model'), ...(version === 'newest' ? [] : segmentProblems(version, 'version'))];
  if (problems.length > 0) throw new ReleaseError('EUSAGE', 'Invalid model or version', problems);
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const layout = parseLayout(options.layout);
  const networkTimeoutMs = options.networkTimeout === undefined ? undefined : options.networkTimeout * 1000;
  const { store } = await openStore(options, { modelsPath, networkTimeoutMs }, { env, cwd, log, backoff: runtime.backoff });
  const headers = parseHeaders(options.verifyHeaders, log);
  if (options.reloadUrl && !store.localFile) throw new ReleaseError('EUSAGE', '--reload-url is for --target folder (a model volume)');
  // Checked before the default is written, so a typo cannot leave a written default that was never loaded.
  if (options.reloadUrl) assertReloadUrl(options.reloadUrl);
  const author = commitAuthor(options);
  const set = await setDefault(store, { model, version, modelsPath, layout, author, branch: options.branch, log, dryRun: options.dryRun });
  if (options.reloadUrl && !options.dryRun) await reloadModel(options.reloadUrl, model, headers, log);
  return { model, version: set.version, folder: set.folder, repo: store.location, changed: set.changed, commit: set.commit, endpoint: `/v2/models/${model}/infer`, ...(options.dryRun ? { dryRun: true } : {}) };
}
