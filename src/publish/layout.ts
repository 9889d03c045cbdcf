/**
 * What a published version folder holds, `<models-path>/<name>-<version>/`:
 * the rendered model-settings.json, the artifact at the same relative path as
 * `parameters.uri`, and release.json, the provenance record.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../errors.js';

export const SETTINGS_FILE = 'model-settings.json';
export const RECORD_FILE = 'release.json';

export interface ArtifactFile {
  /** Path inside the version folder, with "/" separators. */
  relativePath: string;
  source: string;
  bytes: number;
  sha256: string;
}

export interface Artifact {
  uri: string;
  files: ArtifactFile[];
  bytes: number;
  /** sha256 of the file, or of a sorted "sha256  path" manifest for a folder. */
  sha256: string;
}

export function normalizeModelsPath(modelsPath: string): string {
  const trimmed = modelsPath.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const parts = trimmed.split('/').filter((p) => p && p !== '.');
  if (parts.includes('..')) throw new ReleaseError('EUSAGE', `--models-path "${modelsPath}" must stay inside the repository (no "..")`);
  return parts.join('/');
}

export function versionFolder(modelsPath: string, name: string, version: string): string {
  const base = normalizeModelsPath(modelsPath);
  return base ? `${base}/${name}-${version}` : `${name}-${version}`;
}

/** Where a `parameters.uri` lands inside the version folder: "./m.joblib" -> "m.joblib". */
export function folderRelativePath(uri: string): string {
  return path.posix.normalize(uri.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '');
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Finds the artifact `uri` names under `modelDir` and checks it never leaves the
 * folder, neither by "../" nor through a symlink.
 */
export async function collectArtifact(modelDir: string, uri: string): Promise<Artifact> {
  const root = await realpath(modelDir);
  const target = path.resolve(modelDir, uri);
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new ReleaseError('EARTIFACTMISSING', `The artifact "${uri}" (parameters.uri) does not exist at ${target} after the notebook ran`);
  }
  const real = await realpath(target);
  if (real !== root && !real.startsWith(root + path.sep)) {
    throw new ReleaseError('EURIESCAPES', `parameters.uri "${uri}" resolves to ${real}, outside the model folder ${root}`);
  }
  const sources = info.isDirectory() ? await walkFiles(target, root) : [target];
  const base = folderRelativePath(uri);
  const files: ArtifactFile[] = [];
  for (const source of sources) {
    const inner = path.relative(target, source).split(path.sep).join('/');
    files.push({
      relativePath: inner ? `${base.replace(/\/$/, '')}/${inner}` : base,
      source,
      bytes: (await stat(source)).size,
      sha256: await sha256File(source),
    });
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const sha256 = info.isDirectory()
    ? createHash('sha256').update(files.map((f) => `${f.sha256}  ${f.relativePath}`).sort().join('\n')).digest('hex')
    : files[0].sha256;
  return { uri, files, bytes, sha256 };
}

async function walkFiles(dir: string, root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir)).sort()) {
    const full = path.join(dir, entry);
    const info = await lstat(full);
    if (info.isSymbolicLink()) {
      const real = await realpath(full);
      if (!real.startsWith(root + path.sep)) throw new ReleaseError('EURIESCAPES', `${full} is a symlink to ${real}, outside the model folder ${root}`);
    }
    if ((await stat(full)).isDirectory()) out.push(...(await walkFiles(full, root)));
    else out.push(full);
  }
  return out;
}

export interface ReleaseRecord {
  tool: 'mlserver-release';
  toolVersion: string;
  model: string;
  version: string;
  source: { repository?: string; commit?: string; tag?: string; jobUrl?: string };
  artifact?: { path: string; bytes: number; sha256: string };
  executedNotebook?: string;
  releasedAt: string;
}
