/**
 * What a model repository holds: every published version folder with its model,
 * version, release date and artifact size, read from any store's snapshot.
 */
import path from 'node:path';
import { RECORD_FILE, SETTINGS_FILE } from './publish/layout.js';
import type { Snapshot } from './stores/types.js';
import { compareVersions, mlserverDefaultVersion, newestVersion } from './versions.js';

export interface PublishedVersion {
  model: string;
  version: string;
  /** Path of the version folder inside the repository. */
  folder: string;
  releasedAt?: string;
  artifactBytes?: number;
  /** True for the version-less copy that makes this version MLServer's default (see default-version.ts). */
  isDefault?: boolean;
  /** The metrics its release.json records. */
  metrics?: Record<string, number | string | boolean>;
  /** list: who signed it (from its model.sig; read, not verified), when it is signed. */
  signedBy?: string;
}

export interface ModelVersions {
  model: string;
  /** Oldest first, semver-aware. */
  versions: PublishedVersion[];
  newest: string;
  /** What MLServer serves without a version in the URL. */
  mlserverDefault: string;
  /** The version the tool made the default with `default`, when there is a default copy. */
  defaultVersion?: string;
}

/**
 * Reads one folder's identity from its files, falling back to the folder name.
 * Both files come from the store and are hostile: every field is taken only when
 * it has the type the tool writes, so `"model": 5` is ignored, never a crash.
 */
export function describeFolder(folder: string, settingsText?: string, recordText?: string): PublishedVersion | undefined {
  const record = safeJson(recordText);
  const settings = safeJson(settingsText);
  const parameters = settings?.parameters && typeof settings.parameters === 'object' ? (settings.parameters as Record<string, unknown>) : undefined;
  const base = path.posix.basename(folder);
  const model = text(record?.model) ?? text(settings?.name) ?? /^(.*)-[^-]+$/.exec(base)?.[1];
  const version = text(record?.version) ?? text(parameters?.version) ?? /-([^-]+)$/.exec(base)?.[1];
  if (!model || !version) return undefined;
  const artifact = record?.artifact && typeof record.artifact === 'object' ? (record.artifact as { bytes?: unknown }) : undefined;
  const metrics = record?.metrics && typeof record.metrics === 'object' && !Array.isArray(record.metrics)
    ? Object.fromEntries(Object.entries(record.metrics as Record<string, unknown>).filter((entry): entry is [string, number | string | boolean] => ['number', 'string', 'boolean'].includes(typeof entry[1])))
    : undefined;
  return {
    model, version, folder, releasedAt: text(record?.releasedAt),
    artifactBytes: typeof artifact?.bytes === 'number' ? artifact.bytes : undefined,
    ...(record?.default === true ? { isDefault: true } : {}),
    ...(metrics ? { metrics } : {}),
  };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function safeJson(text?: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function groupByModel(entries: PublishedVersion[], only?: string): ModelVersions[] {
  const byModel = new Map<string, PublishedVersion[]>();
  for (const entry of entries) {
    if (only && entry.model !== only) continue;
    byModel.set(entry.model, [...(byModel.get(entry.model) ?? []), entry]);
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([model, all]) => {
      const copy = all.find((v) => v.isDefault);
      const sorted = all.filter((v) => !v.isDefault).sort((a, b) => compareVersions(a.version, b.version));
      const names = sorted.map((v) => v.version);
      // A version-less model folder of the same name wins unversioned requests (checked on MLServer 1.3.2).
      return { model, versions: sorted, newest: newestVersion(names) ?? copy?.version ?? '', mlserverDefault: copy?.version ?? mlserverDefaultVersion(names) ?? '', ...(copy ? { defaultVersion: copy.version } : {}) };
    });
}

/**
 * Whether a folder may hold a version of `model` in either layout the tool writes:
 * `<model>-<version>` (name-version), `<model>/<version>` (name/version), or the
 * default copy `<model>`. Only these folders are read when one model is asked for.
 */
export function mayHoldModel(folder: string, model: string): boolean {
  const parts = folder.split('/');
  const base = parts.at(-1) ?? '';
  return base === model || base.startsWith(`${model}-`) || parts.at(-2) === model;
}

/**
 * Every version a store's snapshot holds (of `model` only, when given), each named
 * by its own release.json or settings (never by its folder name alone, so layouts
 * may be mixed). For git this downloads only the small release.json and
 * model-settings.json blobs, in one request.
 */
export async function versionsIn(snapshot: Snapshot, model?: string): Promise<PublishedVersion[]> {
  const folders = [...snapshot.folders.keys()].filter((folder) => !model || mayHoldModel(folder, model));
  const texts = await snapshot.readTexts(folders.flatMap((f) => [`${f}/${SETTINGS_FILE}`, `${f}/${RECORD_FILE}`]));
  return folders
    .map((folder) => describeFolder(folder, texts.get(`${folder}/${SETTINGS_FILE}`), texts.get(`${folder}/${RECORD_FILE}`)))
    .filter((v): v is PublishedVersion => Boolean(v) && (!model || v!.model === model));
}

/** The folder that holds `model` `version` in a snapshot (any layout), not counting default copies. */
export async function findVersion(snapshot: Snapshot, model: string, version: string): Promise<PublishedVersion | undefined> {
  return (await versionsIn(snapshot, model)).find((v) => v.model === model && v.version === version && !v.isDefault);
}
