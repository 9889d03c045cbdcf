/**
 * Git LFS for large artifacts. When the target repo's root .gitattributes routes a
 * path through `filter=lfs`, the commit gets the LFS pointer and the file itself is
 * uploaded with `git lfs push`, as a normal `git add` + `git push` would do.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReleaseError } from '../../errors.js';
import { GitError, lfsPointer, lfsPushObjects, type GitContext } from '../../git.js';
import { which } from '../../process.js';

/** Turns a .gitattributes glob into a matcher for repository paths. */
function globToRegExp(pattern: string): RegExp {
  const anchored = pattern.includes('/') && !pattern.endsWith('/');
  const body = pattern
    .replace(/^\//, '')
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`);
}

/** Paths of `.gitattributes` lines that carry `filter=lfs` (later `-filter` lines win). */
export function lfsMatcher(attributes: string | undefined): (repoPath: string) => boolean {
  const rules: Array<{ regex: RegExp; lfs: boolean }> = [];
  for (const raw of (attributes ?? '').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    if (attrs.includes('filter=lfs')) rules.push({ regex: globToRegExp(pattern), lfs: true });
    else if (attrs.some((a) => a === '-filter' || a === '!filter' || (a.startsWith('filter=') && a !== 'filter=lfs'))) {
      rules.push({ regex: globToRegExp(pattern), lfs: false });
    }
  }
  return (repoPath) => rules.reduce((lfs, rule) => (rule.regex.test(repoPath) ? rule.lfs : lfs), false);
}

export interface LfsFile {
  /** The file on disk. */
  source: string;
  /** Where its pointer text was written, to be committed instead. */
  pointerFile: string;
  oid: string;
}

/**
 * Replaces each file by its LFS pointer and stages the object where `git lfs push`
 * looks for it (the temp repo's lfs/objects store).
 */
export async function prepareLfsObjects(sources: string[], repoDir: string, workspace: string, ctx: GitContext): Promise<LfsFile[]> {
  if (sources.length === 0) return [];
  if (!which('git-lfs', ctx.env)) {
    throw new ReleaseError('ELFSMISSING', `The repository stores ${sources.map((s) => path.basename(s)).join(', ')} in Git LFS (.gitattributes), but git-lfs is not installed`);
  }
  const prepared: LfsFile[] = [];
  for (const [index, source] of sources.entries()) {
    const pointer = await lfsPointer(source, ctx);
    const oid = /oid sha256:([0-9a-f]{64})/.exec(pointer)?.[1];
    if (!oid) throw new ReleaseError('EPUSHFAILED', `git lfs pointer gave no object id for ${source}`);
    const pointerFile = path.join(workspace, `lfs-pointer-${index}`);
    await writeFile(pointerFile, pointer);
    const store = path.join(repoDir, 'lfs', 'objects', oid.slice(0, 2), oid.slice(2, 4));
    await mkdir(store, { recursive: true });
    await copyFile(source, path.join(store, oid));
    prepared.push({ source, pointerFile, oid });
  }
  return prepared;
}

export async function uploadLfsObjects(remote: string, files: LfsFile[], ctx: GitContext): Promise<void> {
  if (files.length === 0) return;
  try {
    await lfsPushObjects(remote, files.map((f) => f.oid), ctx);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new ReleaseError('EPUSHFAILED', 'Uploading the artifact to the Git LFS server failed', error.stderr.trim().split('\n').slice(-4));
  }
}
