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
import type { FileToPublish, ModelStore, StoredFile } from '../stores/types.js';
import { assertMatchesRecord } from '../publish/integrity.js';
import { createHash } from 'node:crypto';
import { newestVersion } from '../versions.js';
import { writeTempFiles } from '../temp-files.js';
import type { DefaultResult } from '../results.js';
import { commitAuthor } from './author.js';
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
  const chosen = await store.snapshot(input.branch, { model: input.model }).then(async (snapshot) => {
    const versions = groupByModel(await versionsIn(snapshot, input.model), input.model)[0]?.versions ?? [];
    const version = input.version === 'newest' ? newestVersion(versions.map((v) => v.version)) : input.version;
    const found = version ? versions.find((v) => v.version === version) : undefined;
    if (!found) {
      const have = [...versions].reverse().map((v) => v.version).join(', ') || 'none';
      throw new ReleaseError('ENOSUCHVERSION', `${input.model} ${input.version} is not published in ${store.location} (it has: ${have}); publish or promote it first`);
    }
    return found;
  });
  const source = await store.readFolder(chosen.folder, input.branch);
  // The default copy serves this version's bytes: they must still be what its release recorded.
  assertMatchesRecord(source, `${store.location} ${chosen.folder}`, input.log);
  if (input.dryRun) {
    input.log.info(`dry run: would make ${input.model} ${chosen.version} (${chosen.folder}/) the default in ${folder}/; nothing written`);
    return { version: chosen.version, folder, changed: false };
  }
  const { files: written, remove } = await writeTempFiles(asDefault(source, chosen.version, `${store.location} ${chosen.folder}`));
  try {
    // On a folder store the artifact is linked, not copied (same bytes, no new space); elsewhere it is the same blob.
    const local = (file: { path: string }) => (file.path === SETTINGS_FILE || file.path === RECORD_FILE ? undefined : store.localFile?.(chosen.folder, file.path));
    const files: FileToPublish[] = written.map((file) => ({ path: file.path, source: local(file) ?? file.source, ...(local(file) ? { link: true } : {}) }));
    const applied = await store.apply(async (snapshot) => {
      const nested = [...snapshot.folders.keys()].filter((other) => other.startsWith(`${folder}/`));
      if (nested.length > 0) {
        throw new ReleaseError('EUSAGE', `${folder} holds version folders (${nested.join(', ')}): this repository uses the name/version layout, so pass --layout name/version`);
      }
      const current = snapshot.folders.get(folder);
      if (current) {
        // Only a default copy of this model may be replaced; anything else in that folder is someone's version.
        const texts = await snapshot.readTexts([`${folder}/${RECORD_FILE}`, `${folder}/${SETTINGS_FILE}`]);
        const record = parseRecord(texts.get(`${folder}/${RECORD_FILE}`));
        if (record?.default !== true || record.model !== input.model) {
          const owner = recordedIdentity(texts.get(`${folder}/${RECORD_FILE}`), texts.get(`${folder}/${SETTINGS_FILE}`));
          throw new ReleaseError('EFOLDEROWNER', `${folder} holds ${owner ? `model "${owner.model}"${owner.version ? ` version "${owner.version}"` : ''}` : 'files mlserver-release did not write'}, not a default copy of ${input.model}; it is left alone`);
        }
        const mine = await snapshot.contentIds(folder, files);
        const theirs = await current.files();
        if (mine.size === theirs.size && [...mine].every(([p, id]) => theirs.get(p) === id)) {
          input.log.info(`default: ${folder} already stands for ${input.model} ${chosen.version}`);
          return { done: null };
        }
      }
      return { writes: [{ folder, files }], message: `Make ${input.model} ${chosen.version} the default`, author: input.author, result: null };
    }, { branch: input.branch, what: `making ${input.model} ${chosen.version} the default`, expected: { folder, files } });
    input.log.info(`default: /v2/models/${input.model}/infer now serves ${chosen.version} (${folder}/)`);
    return { version: chosen.version, folder, changed: applied.changed, commit: applied.commit };
  } finally {
    await remove();
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
 * The version's files as the default copy holds them: settings without
 * parameters.version, and a release.json that says `default: true` and records
 * the changed settings, so the copy matches its own record.
 */
function asDefault(files: StoredFile[], version: string, where: string): StoredFile[] {
  const parse = (file: StoredFile) => {
    try {
      const value = JSON.parse(file.content.toString('utf8')) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    throw new ReleaseError('ESTOREDATA', `${where}/${file.path} is not a JSON object, so no default copy can be made of it`);
  };
  const settingsFile = files.find((f) => f.path === SETTINGS_FILE);
  let settingsText: string | undefined;
  if (settingsFile) {
    const settings = parse(settingsFile);
    if (settings.parameters && typeof settings.parameters === 'object') delete (settings.parameters as Record<string, unknown>).version;
    settingsText = JSON.stringify(settings, null, 2) + '\n';
  }
  return files.map((file) => {
    if (file.path === SETTINGS_FILE && settingsText !== undefined) return { ...file, content: Buffer.from(settingsText) };
    if (file.path !== RECORD_FILE) return file;
    const record = parse(file);
    if (Array.isArray(record.files) && settingsText !== undefined) {
      record.files = (record.files as RecordedFile[]).map((entry) => (entry.path === SETTINGS_FILE ? { path: SETTINGS_FILE, bytes: Buffer.byteLength(settingsText!), sha256: createHash('sha256').update(settingsText!).digest('hex') } : entry));
    }
    return { ...file, content: Buffer.from(JSON.stringify({ ...record, version, default: true }, null, 2) + '\n') };
  });
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
