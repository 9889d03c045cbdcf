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

  /**
   * Applies path-based changes on top of a tree with ls-tree and mktree, which
   * (like GitHub's and GitLab's own tree writes) keep whatever the base tree holds,
   * even names `git read-tree` refuses (".." or ".git" planted with mktree).
   */
  buildTree(repo: string, base: string | undefined, changes: Array<{ path: string; sha: string | null; mode?: string }>): string {
    // The index is the fast way; it refuses names git's own checks reject, and then only mktree can.
    try {
      return this.buildTreeWithIndex(repo, base, changes);
    } catch {
      return this.buildTreeWithMktree(repo, base, changes);
    }
  }

  private buildTreeWithIndex(repo: string, base: string | undefined, changes: Array<{ path: string; sha: string | null; mode?: string }>): string {
    const env = { GIT_INDEX_FILE: path.join(this.scratch, `index-${Date.now()}-${Math.random()}`) };
    const wt = ['--work-tree', path.join(this.scratch, 'wt')];
    const quiet = (args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    if (base) quiet(['read-tree', base]);
    for (const change of changes) {
      if (change.sha === null) quiet([...wt, 'update-index', '--force-remove', change.path]);
      else quiet([...wt, 'update-index', '--add', '--cacheinfo', `${change.mode ?? '100644'},${change.sha},${change.path}`]);
    }
    return quiet(['write-tree']);
  }

  private buildTreeWithMktree(repo: string, base: string | undefined, changes: Array<{ path: string; sha: string | null; mode?: string }>): string {
    const entries = (tree: string | undefined) => {
      if (!tree) return [] as Array<{ mode: string; type: string; sha: string; name: string }>;
      const out = execFileSync('git', ['ls-tree', '-z', tree], { cwd: repo }).toString('utf8');
      return out.split('\0').filter(Boolean).map((record) => {
        const tab = record.indexOf('\t');
        const [mode, type, sha] = record.slice(0, tab).split(' ');
        return { mode, type, sha, name: record.slice(tab + 1) };
      });
    };
    const write = (tree: string | undefined, parts: string[], change: { sha: string | null; mode?: string }): string | undefined => {
      const [head, ...rest] = parts;
      const current = entries(tree);
      const kept = current.filter((e) => e.name !== head);
      if (rest.length === 0) {
        if (change.sha !== null) kept.push({ mode: change.mode ?? '100644', type: change.mode === '160000' ? 'commit' : 'blob', sha: change.sha, name: head });
      } else {
        const child = write(current.find((e) => e.name === head && e.type === 'tree')?.sha, rest, change);
        if (child) kept.push({ mode: '040000', type: 'tree', sha: child, name: head });
      }
      if (kept.length === 0) return undefined;
      const input = kept.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
      return execFileSync('git', ['mktree', '-z', '--missing'], { cwd: repo, input }).toString().trim();
    };
    let tree = base ? this.git(repo, ['rev-parse', `${base}^{tree}`]) : undefined;
    for (const change of changes) tree = write(tree, change.path.split('/'), change);
    return tree ?? execFileSync('git', ['mktree'], { cwd: repo, input: '' }).toString().trim();
  }

  commitTree(repo: string, tree: string, parents: string[], message: string, author: { name: string; email: string }): string {
    const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: 'Host', GIT_COMMITTER_EMAIL: 'host@example.com' };
    return this.git(repo, ['commit-tree', tree, ...parents.flatMap((p) => ['-p', p])], `${message}\n`, env);
  }

  listFolder(repo: string, ref: string, folder: string, recursive: boolean): TreeEntry[] {
    let out: string;
    try {
      // -z: names as stored (a line break or a non-ASCII name is not quoted), as GitHub and GitLab list them.
      out = execFileSync('git', ['ls-tree', '-z', ...(recursive ? ['-r'] : []), ref, '--', ...(folder ? [`${folder}/`] : [])], { cwd: repo, encoding: 'utf8' });
    } catch {
      return [];
    }
    return out.split('\0').filter(Boolean).map((line) => {
      const tab = line.indexOf('\t');
      const [meta, file] = [line.slice(0, tab), line.slice(tab + 1)];
      const [mode, type, sha] = meta.split(' ');
      return { type, sha, path: file, name: path.posix.basename(file), mode };
    });
  }

  fileExists(repo: string, ref: string, file: string): boolean {
    return this.listFolder(repo, ref, path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), false).some((e) => e.path === file);
  }
}
