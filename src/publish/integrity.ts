/**
 * Does a version folder still match its own release.json? The record holds the
 * artifact's size and sha256 as the release computed them (stage.ts): a file's
 * sha256, or for a folder the sha256 of its sorted "sha256  path" lines.
 */
import { createHash } from 'node:crypto';
import { ReleaseError } from '../errors.js';
import { folderRelativePath, RECORD_FILE } from './layout.js';

export interface FolderBytes {
  path: string;
  content: Buffer;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function recordOf(files: FolderBytes[], where: string): Record<string, unknown> {
  const record = files.find((f) => f.path === RECORD_FILE);
  if (!record) throw new ReleaseError('EINTEGRITY', `${where} has no ${RECORD_FILE}, so what it holds cannot be checked; promote only what mlserver-release published`);
  try {
    return JSON.parse(record.content.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new ReleaseError('EINTEGRITY', `${where}/${RECORD_FILE} is not valid JSON`);
  }
}

/** Throws EINTEGRITY when the artifact's bytes are not the ones release.json recorded. */
export function assertMatchesRecord(files: FolderBytes[], where: string): { path?: string; sha256?: string; bytes?: number } {
  const artifact = recordOf(files, where).artifact as { path?: string; bytes?: number; sha256?: string } | undefined;
  if (!artifact?.path) return {};
  const base = folderRelativePath(artifact.path);
  const single = files.find((f) => f.path === base);
  const parts = single ? [single] : files.filter((f) => f.path.startsWith(`${base}/`));
  if (parts.length === 0) throw new ReleaseError('EINTEGRITY', `${where}: the artifact ${base} that ${RECORD_FILE} records is missing`);
  const bytes = parts.reduce((sum, f) => sum + f.content.length, 0);
  const actual = single ? sha256(single.content) : sha256(parts.map((f) => `${sha256(f.content)}  ${f.path}`).sort().join('\n'));
  if (actual !== artifact.sha256 || bytes !== artifact.bytes) {
    throw new ReleaseError('EINTEGRITY', `${where}: the artifact does not match its ${RECORD_FILE} (recorded ${artifact.bytes} bytes, sha256 ${artifact.sha256}; found ${bytes} bytes, sha256 ${actual}); nothing was written`);
  }
  return { path: artifact.path, sha256: actual, bytes };
}
