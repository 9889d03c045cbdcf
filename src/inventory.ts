/**
 * What a model repository holds: every published version folder with its model,
 * version, release date and artifact size, read from git (trees plus the small
 * release.json and model-settings.json blobs, nothing else) or from a folder.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fetchObjects, listTree, readBlobs } from './git.js';
import { RECORD_FILE, SETTINGS_FILE } from './publish/layout.js';
import { REMOTE, withGitSession, type SessionInput } from './publish/git-session.js';
import { compareVersions, mlserverDefaultVersion, newestVersion } from './versions.js';

export interface PublishedVersion {
  model: string;
  version: string;
  /** Path of the version folder inside the repository. */
  folder: string;
  releasedAt?: string;
  artifactBytes?: number;
}

export interface ModelVersions {
  model: string;
  /** Oldest first, semver-aware. */
  versions: PublishedVersion[];
  newest: string;
  /** What MLServer serves without a version in the URL. */
  mlserverDefault: string;
}

/** Reads one folder's identity from its files, falling back to the folder name. */
export function describeFolder(folder: string, settingsText?: string, recordText?: string): PublishedVersion | undefined {
  const record = safeJson(recordText);
  const settings = safeJson(settingsText);
  const base = path.posix.basename(folder);
  const model = (record?.model as string) ?? (settings?.name as string) ?? /^(.*)-[^-]+$/.exec(base)?.[1];
  const version = (record?.version as string) ?? ((settings?.parameters as Record<string, unknown>)?.version as string) ?? /-([^-]+)$/.exec(base)?.[1];
  if (!model || !version) return undefined;
  const artifact = record?.artifact as { bytes?: number } | undefined;
  return { model, version, folder, releasedAt: record?.releasedAt as string | undefined, artifactBytes: artifact?.bytes };
}

function safeJson(text?: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : undefined;
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
    .map(([model, versions]) => {
      const sorted = versions.sort((a, b) => compareVersions(a.version, b.version));
      const names = sorted.map((v) => v.version);
      return { model, versions: sorted, newest: newestVersion(names)!, mlserverDefault: mlserverDefaultVersion(names)! };
    });
}

/** Lists a git model repository through a blob-less session. */
export async function listGitRepository(input: SessionInput, modelsPath: string): Promise<PublishedVersion[]> {
  return withGitSession(input, async (session) => {
    const tip = await session.fetchTip();
    if (!tip) return [];
    return listAtTip(tip, modelsPath, session.ctx);
  });
}

export async function listAtTip(tip: string, modelsPath: string, ctx: { cwd: string; env: Record<string, string | undefined> }): Promise<PublishedVersion[]> {
  const prefix = modelsPath ? `${modelsPath}/` : '';
  const files = await listTree(tip, ctx, { path: prefix || undefined, recursive: true });
  const folders = new Map<string, { settings?: string; record?: string }>();
  for (const file of files) {
    const inner = file.path.slice(prefix.length).split('/');
    if (inner.length !== 2 || inner[0].startsWith('.')) continue;
    const folder = `${prefix}${inner[0]}`;
    const entry = folders.get(folder) ?? {};
    if (inner[1] === SETTINGS_FILE) entry.settings = file.oid;
    if (inner[1] === RECORD_FILE) entry.record = file.oid;
    folders.set(folder, entry);
  }
  const wanted = [...folders.values()].flatMap((f) => [f.settings, f.record]).filter((oid): oid is string => Boolean(oid));
  // Only these small blobs are downloaded, in one request.
  await fetchObjects(REMOTE, wanted, ctx);
  const blobs = await readBlobs(wanted, ctx);
  return [...folders.entries()]
    .filter(([, f]) => f.settings)
    .map(([folder, f]) => describeFolder(folder, blobs.get(f.settings!), f.record ? blobs.get(f.record) : undefined))
    .filter((v): v is PublishedVersion => Boolean(v));
}

/** Lists a model folder (an MLServer model volume). */
export async function listFolderRepository(root: string, modelsPath: string): Promise<PublishedVersion[]> {
  const base = path.join(root, modelsPath);
  if (!existsSync(base)) return [];
  const entries: PublishedVersion[] = [];
  for (const name of await readdir(base)) {
    if (name.startsWith('.')) continue; // MLServer skips dot-folders, and so do we (staging, trash)
    const dir = path.join(base, name);
    const settings = await readFile(path.join(dir, SETTINGS_FILE), 'utf8').catch(() => undefined);
    if (settings === undefined) continue;
    const record = await readFile(path.join(dir, RECORD_FILE), 'utf8').catch(() => undefined);
    const folder = modelsPath ? `${modelsPath}/${name}` : name;
    const described = describeFolder(folder, settings, record);
    if (described) entries.push(described);
  }
  return entries;
}
