/**
 * What a published version folder holds, `<models-path>/<name>-<version>/`:
 * the rendered model-settings.json, the artifact at the same relative path as
 * `parameters.uri`, and release.json, the provenance record.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { pathProblems } from './tree-paths.js';

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

/** --models-path, checked by the same tree rules as every published path; "" is the repository root. */
export function normalizeModelsPath(modelsPath: string, flag = '--models-path'): string {
  if (modelsPath.startsWith('/') || /^[A-Za-z]:[\\/]/.test(modelsPath)) {
    throw new ReleaseError('EUSAGE', `${flag} "${modelsPath}" is absolute: give a folder relative to the repository root, e.g. models`);
  }
  const trimmed = modelsPath.replace(/\/+$/, '').replace(/^(\.\/)+/, '');
  if (trimmed === '' || trimmed === '.') return '';
  const problems = pathProblems(trimmed);
  if (problems.length > 0) throw new ReleaseError('EUSAGE', `${flag} "${modelsPath}" is not a folder git can store`, problems);
  return trimmed;
}

/**
 * How version folders are named. `name-version` (models/iris-v1, the course's
 * layout) makes MLServer log "Model name 'iris' is different than model's folder
 * name 'iris-v1'" at every load; `name/version` (models/iris/v1) does not,
 * because repository/load.py accepts a folder named after the version.
 */
export const LAYOUTS = ['name-version', 'name/version'] as const;
export type Layout = (typeof LAYOUTS)[number];

export function versionFolder(modelsPath: string, name: string, version: string, layout: Layout = 'name-version'): string {
  const base = normalizeModelsPath(modelsPath);
  const leaf = layout === 'name/version' ? `${name}/${version}` : `${name}-${version}`;
  return base ? `${base}/${leaf}` : leaf;
}

/** The review branch of a release; with name/version a slash keeps a-b/c and a/b-c apart. */
export function reviewBranch(name: string, version: string, layout: Layout = 'name-version'): string {
  return layout === 'name/version' ? `release/${name}/${version}` : `release/${name}-${version}`;
}

export function parseLayout(value: string | undefined): Layout {
  const layout = value ?? 'name-version';
  if (!(LAYOUTS as readonly string[]).includes(layout)) {
    throw new ReleaseError('EUSAGE', `Unknown --layout "${layout}": expected ${LAYOUTS.join(' or ')}`);
  }
  return layout as Layout;
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

export interface RecordedFile {
  /** Path inside the version folder, "/"-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ReleaseRecord {
  tool: 'mlserver-release';
  toolVersion: string;
  model: string;
  version: string;
  source: { repository?: string; commit?: string; tag?: string; jobUrl?: string };
  artifact?: { path: string; bytes: number; sha256: string };
  /** Every other file of the version folder (release.json itself excepted), for integrity checks both ways. */
  files?: RecordedFile[];
  executedNotebook?: string;
  releasedAt: string;
  /** What the notebook reported, flat. */
  metrics?: Record<string, number | string | boolean>;
  /** Figures in the version folder (report/...). */
  figures?: string[];
}
