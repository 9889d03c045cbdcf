/**
 * What the host API stand-ins do to their bare repositories, with real git
 * plumbing: read heads and trees, write blobs, trees and commits, move refs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './fs.js';

export interface TreeEntry {
  type: string;
  sha: string;
  path: string;
  name: string;
  mode: string;
}

export class BareRepoStore {
  private readonly scratch = tempDir('mlsr-hostapi-');

  constructor() {
    mkdirSync(path.join(this.scratch, 'wt'));
  }

  git(repo: string, args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
    return execFileSync('git', args, { cwd: repo, input, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
  }

  exists(repo: string): boolean {
    return existsSync(path.join(repo, 'HEAD'));
  }

  isEmpty(repo: string): boolean {
    return this.git(repo, ['for-each-ref', '--count=1', 'refs/heads']) === '';
  }

  head(repo: string, branch: string): string | undefined {
    try {
      return this.git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
    } catch {
      return undefined;
    }
  }

  defaultBranch(repo: string): string {
    return this.git(repo, ['symbolic-ref', '--short', 'HEAD']);
  }

  /** The last commit at or before `ref` that touched `file`, as GitLab's last_commit_id means it. */
  lastCommitFor(repo: string, ref: string, file: string): string | undefined {
    return this.git(repo, ['log', '-1', '--format=%H', ref, '--', file]) || undefined;
  }

  blob(repo: string, sha: string): Buffer {
    return execFileSync('git', ['cat-file', 'blob', sha], { cwd: repo });
  }

  writeBlob(repo: string, content: Buffer): string {
    return this.git(repo, ['hash-object', '-w', '--stdin'], content);
  }

  /** Applies path-based changes on top of a tree with a temporary index. */
  buildTree(repo: string, base: string | undefined, changes: Array<{ path: string; sha: string | null; mode?: string }>): string {
    const env = { GIT_INDEX_FILE: path.join(this.scratch, `index-${Date.now()}-${Math.random()}`) };
    const wt = ['--work-tree', path.join(this.scratch, 'wt')];
    if (base) this.git(repo, ['read-tree', base], undefined, env);
    for (const change of changes) {
      if (change.sha === null) this.git(repo, [...wt, 'update-index', '--force-remove', change.path], undefined, env);
      else this.git(repo, [...wt, 'update-index', '--add', '--cacheinfo', `${change.mode ?? '100644'},${change.sha},${change.path}`], undefined, env);
    }
    return this.git(repo, ['write-tree'], undefined, env);
  }

  commitTree(repo: string, tree: string, parents: string[], message: string, author: { name: string; email: string }): string {
    const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: 'Host', GIT_COMMITTER_EMAIL: 'host@example.com' };
    return this.git(repo, ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], `${message}\n`, env);
  }

  listFolder(repo: string, ref: string, folder: string, recursive: boolean): TreeEntry[] {
    let out: string;
    try {
      out = this.git(repo, ['ls-tree', ...(recursive ? ['-r'] : []), ref, '--', ...(folder ? [`${folder}/`] : [])]);
    } catch {
      return [];
    }
    return out.split('\n').filter(Boolean).map((line) => {
      const [meta, file] = line.split('\t');
      const [mode, type, sha] = meta.split(' ');
      return { type, sha, path: file, name: path.posix.basename(file), mode };
    });
  }

  fileExists(repo: string, ref: string, file: string): boolean {
    return this.listFolder(repo, ref, path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), false).some((e) => e.path === file);
  }
}
