/**
 * A stand-in for the parts of GitHub's and GitLab's REST APIs that mlserver-release
 * uses, following their published docs (GitHub: repos, contents, Git Data API
 * blobs/trees/commits/refs, pulls; GitLab v4: projects, branches, repository tree,
 * commits with actions, merge requests). Effects are real: blobs, trees and commits
 * are written into a real bare repository with git plumbing, refs really move (and
 * refuse non-fast-forward updates), and pull/merge requests are recorded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.js';
import path from 'node:path';
import { tempDir } from './fs.js';

export interface Review {
  /** The bare repository the request belongs to. */
  repo: string;
  number: number;
  source: string;
  target: string;
  title: string;
  body: string;
  url: string;
}

export interface HostStandInOptions {
  /** Folder holding bare repos; GitHub o/r -> <root>/o/r.git, GitLab group/p -> <root>/group/p.git. */
  root: string;
  token: string;
  protectedBranches?: string[];
}

type Json = Record<string, unknown>;

export class HostApiStandIn {
  readonly reviews: Review[] = [];
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  /** Bodies of every request, to scan for leaks. */
  readonly bodies: string[] = [];
  private readonly faults: Array<{ status: number; retryAfter?: string }> = [];
  /** Runs once right before the next ref update, e.g. to land a competing commit. */
  beforeNextRefUpdate?: (repoDir: string, branch: string) => void;
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly scratch = tempDir('mlsr-hostapi-');
  url = '';

  constructor(private readonly options: HostStandInOptions) {
    mkdirSync(path.join(this.scratch, 'wt'));
  }

  async start(): Promise<this> {
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** The next API request answers `status` (e.g. 429 with Retry-After). */
  injectFault(status: number, retryAfter?: string): void {
    this.faults.push({ status, retryAfter });
  }

  private git(repo: string, args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
    return execFileSync('git', args, { cwd: repo, input, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
  }

  private head(repo: string, branch: string): string | undefined {
    try {
      return this.git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`]);
    } catch {
      return undefined;
    }
  }

  /** Applies path-based changes on top of a tree with a temporary index. */
  private buildTree(repo: string, base: string | undefined, changes: Array<{ path: string; sha: string | null; mode?: string }>): string {
    const env = { GIT_INDEX_FILE: path.join(this.scratch, `index-${Date.now()}-${Math.random()}`) };
    const wt = ['--work-tree', path.join(this.scratch, 'wt')];
    if (base) this.git(repo, ['read-tree', base], undefined, env);
    for (const change of changes) {
      if (change.sha === null) this.git(repo, [...wt, 'update-index', '--force-remove', change.path], undefined, env);
      else this.git(repo, [...wt, 'update-index', '--add', '--cacheinfo', `${change.mode ?? '100644'},${change.sha},${change.path}`], undefined, env);
    }
    return this.git(repo, ['write-tree'], undefined, env);
  }

  private listFolder(repo: string, ref: string, folder: string, recursive: boolean): Array<{ type: string; sha: string; path: string; name: string }> {
    let out: string;
    try {
      out = this.git(repo, ['ls-tree', ...(recursive ? ['-r'] : []), ref, '--', `${folder}/`]);
    } catch {
      return [];
    }
    return out.split('\n').filter(Boolean).map((line) => {
      const [meta, file] = line.split('\t');
      const [, type, sha] = meta.split(' ');
      return { type, sha, path: file, name: path.posix.basename(file) };
    });
  }

  private authorized(req: http.IncomingMessage): boolean {
    const token = this.options.token;
    const header = req.headers.authorization ?? '';
    return header === `token ${token}` || header === `Bearer ${token}` || req.headers['private-token'] === token || req.headers['job-token'] === token;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.bodies.push(raw, JSON.stringify(req.headers));
    const body = (raw ? JSON.parse(raw) : {}) as Json;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record = { method: req.method ?? 'GET', path: url.pathname, status: 0 };
    this.requests.push(record);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (Buffer.isBuffer(data)) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(data);
      else res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(data));
    };
    const fault = this.faults.shift();
    if (fault) return send(fault.status, { message: 'injected' }, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
    if (!this.authorized(req)) return send(401, { message: 'Bad credentials' });
    try {
      if (url.pathname.startsWith('/api/v3/repos/')) return this.github(req.method ?? 'GET', url, body, send);
      if (url.pathname.startsWith('/api/v4/projects/')) return this.gitlab(req.method ?? 'GET', url, body, send);
      send(404, { message: 'Not Found' });
    } catch (error) {
      send(500, { message: (error as Error).message });
    }
  }

  private github(method: string, url: URL, body: Json, send: (status: number, data: unknown) => void): void {
    const match = /^\/api\/v3\/repos\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(url.pathname)!;
    const [, owner, name, rest = ''] = match;
    const repo = path.join(this.options.root, owner, `${name}.git`);
    const route = decodeURIComponent(rest);
    if (method === 'GET' && route === '') return send(200, { default_branch: this.git(repo, ['symbolic-ref', '--short', 'HEAD']) });
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^git\/ref\/heads\/(.+)$/.exec(route))) {
      const sha = this.head(repo, m[1]);
      return sha ? send(200, { ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit' } }) : send(404, { message: 'Not Found' });
    }
    if (method === 'GET' && (m = /^contents\/(.+)$/.exec(route))) {
      const entries = this.listFolder(repo, url.searchParams.get('ref') ?? 'HEAD', m[1], false);
      if (entries.length === 0) return send(404, { message: 'Not Found' });
      return send(200, entries.map((e) => ({ name: e.name, path: e.path, sha: e.sha, type: e.type === 'tree' ? 'dir' : 'file' })));
    }
    if (method === 'GET' && (m = /^git\/blobs\/([0-9a-f]+)$/.exec(route))) {
      // GET /repos/{owner}/{repo}/git/blobs/{file_sha}: content is base64 with encoding "base64".
      const content = execFileSync('git', ['cat-file', 'blob', m[1]], { cwd: repo });
      return send(200, { sha: m[1], size: content.length, encoding: 'base64', content: content.toString('base64') });
    }
    if (method === 'GET' && (m = /^git\/commits\/([0-9a-f]+)$/.exec(route))) {
      return send(200, { sha: m[1], tree: { sha: this.git(repo, ['rev-parse', `${m[1]}^{tree}`]) } });
    }
    if (method === 'POST' && route === 'git/blobs') {
      const content = Buffer.from(body.content as string, body.encoding === 'base64' ? 'base64' : 'utf8');
      return send(201, { sha: this.git(repo, ['hash-object', '-w', '--stdin'], content) });
    }
    if (method === 'POST' && route === 'git/trees') {
      const tree = body.tree as Array<{ path: string; mode: string; sha: string | null }>;
      return send(201, { sha: this.buildTree(repo, body.base_tree as string | undefined, tree) });
    }
    if (method === 'POST' && route === 'git/commits') {
      const author = body.author as { name: string; email: string };
      const env = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: 'GitHub', GIT_COMMITTER_EMAIL: 'noreply@github.com' };
      const parents = (body.parents as string[]).flatMap((p) => ['-p', p]);
      return send(201, { sha: this.git(repo, ['commit-tree', body.tree as string, ...parents], `${body.message}\n`, env) });
    }
    if (method === 'POST' && route === 'git/refs') {
      const ref = body.ref as string;
      if (this.head(repo, ref.replace('refs/heads/', ''))) return send(422, { message: 'Reference already exists' });
      this.git(repo, ['update-ref', ref, body.sha as string]);
      return send(201, { ref, object: { sha: body.sha } });
    }
    if (method === 'PATCH' && (m = /^git\/refs\/heads\/(.+)$/.exec(route))) {
      const branch = m[1];
      if (this.options.protectedBranches?.includes(branch)) return send(422, { message: `Protected branch update failed for refs/heads/${branch}.` });
      const hook = this.beforeNextRefUpdate;
      this.beforeNextRefUpdate = undefined;
      hook?.(repo, branch);
      const current = this.head(repo, branch)!;
      try {
        this.git(repo, ['merge-base', '--is-ancestor', current, body.sha as string]);
      } catch {
        return send(422, { message: 'Update is not a fast forward' });
      }
      this.git(repo, ['update-ref', `refs/heads/${branch}`, body.sha as string, current]);
      return send(200, { ref: `refs/heads/${branch}`, object: { sha: body.sha } });
    }
    if (method === 'GET' && route === 'pulls') {
      const head = url.searchParams.get('head')?.split(':')[1];
      const base = url.searchParams.get('base');
      return send(200, this.reviews.filter((r) => r.repo === repo && r.source === head && (!base || r.target === base)).map((r) => ({ number: r.number, html_url: r.url, state: 'open' })));
    }
    if (method === 'POST' && route === 'pulls') {
      const review = this.addReview(repo, body.head as string, body.base as string, body.title as string, body.body as string, `${this.url}/${owner}/${name}/pull`);
      return send(201, { number: review.number, html_url: review.url });
    }
    send(404, { message: 'Not Found' });
  }

  private gitlab(method: string, url: URL, body: Json, send: (status: number, data: unknown) => void): void {
    const match = /^\/api\/v4\/projects\/([^/]+)(?:\/(.*))?$/.exec(url.pathname)!;
    const project = decodeURIComponent(match[1]);
    const route = match[2] ?? '';
    const repo = path.join(this.options.root, `${project}.git`);
    let m: RegExpExecArray | null;
    if (method === 'GET' && route === '') return send(200, { id: 1, path_with_namespace: project, default_branch: this.git(repo, ['symbolic-ref', '--short', 'HEAD']) });
    if (method === 'GET' && (m = /^repository\/branches\/(.+)$/.exec(route))) {
      const branch = decodeURIComponent(m[1]);
      const sha = this.head(repo, branch);
      return sha ? send(200, { name: branch, commit: { id: sha } }) : send(404, { message: '404 Branch Not Found' });
    }
    if (method === 'GET' && (m = /^repository\/blobs\/([0-9a-f]+)\/raw$/.exec(route))) {
      // GET /projects/:id/repository/blobs/:sha/raw (doc/api/repositories.md): the raw bytes.
      return send(200, execFileSync('git', ['cat-file', 'blob', m[1]], { cwd: repo }));
    }
    if (method === 'GET' && route === 'repository/tree') {
      const entries = this.listFolder(repo, url.searchParams.get('ref') ?? 'HEAD', url.searchParams.get('path') ?? '', url.searchParams.get('recursive') === 'true');
      return send(200, entries.map((e) => ({ id: e.sha, name: e.name, type: e.type, path: e.path, mode: '100644' })));
    }
    if (method === 'POST' && route === 'repository/commits') {
      const branch = body.branch as string;
      if (this.options.protectedBranches?.includes(branch)) return send(403, { message: '403 Forbidden - You are not allowed to push into this branch' });
      const start = (this.head(repo, branch) ?? (body.start_branch ? this.head(repo, body.start_branch as string) : undefined));
      if (!start) return send(400, { message: 'You can only create or edit files when you are on a branch' });
      const changes: Array<{ path: string; sha: string | null }> = [];
      for (const action of body.actions as Array<{ action: string; file_path: string; content?: string; encoding?: string }>) {
        const exists = this.listFolder(repo, start, path.posix.dirname(action.file_path), false).some((e) => e.path === action.file_path);
        if (action.action === 'create' && exists) return send(400, { message: `A file with this name already exists: ${action.file_path}` });
        if ((action.action === 'update' || action.action === 'delete') && !exists) return send(400, { message: `A file with this name doesn't exist: ${action.file_path}` });
        if (action.action === 'delete') changes.push({ path: action.file_path, sha: null });
        else changes.push({ path: action.file_path, sha: this.git(repo, ['hash-object', '-w', '--stdin'], Buffer.from(action.content ?? '', action.encoding === 'base64' ? 'base64' : 'utf8')) });
      }
      const tree = this.buildTree(repo, `${start}^{tree}`, changes);
      const env = { GIT_AUTHOR_NAME: String(body.author_name ?? 'GitLab'), GIT_AUTHOR_EMAIL: String(body.author_email ?? 'gitlab@example.com'), GIT_COMMITTER_NAME: 'GitLab', GIT_COMMITTER_EMAIL: 'gitlab@example.com' };
      const commit = this.git(repo, ['commit-tree', tree, '-p', start], `${body.commit_message}\n`, env);
      this.git(repo, ['update-ref', `refs/heads/${branch}`, commit]);
      return send(201, { id: commit, message: body.commit_message });
    }
    if (method === 'GET' && route === 'merge_requests') {
      const found = this.reviews.filter((r) => r.repo === repo && r.source === url.searchParams.get('source_branch') && r.target === url.searchParams.get('target_branch'));
      return send(200, found.map((r) => ({ iid: r.number, web_url: r.url, state: 'opened' })));
    }
    if (method === 'POST' && route === 'merge_requests') {
      const review = this.addReview(repo, body.source_branch as string, body.target_branch as string, body.title as string, body.description as string, `${this.url}/${project}/-/merge_requests`);
      return send(201, { iid: review.number, web_url: review.url });
    }
    send(404, { message: '404 Not Found' });
  }

  private addReview(repo: string, source: string, target: string, title: string, body: string, base: string): Review {
    const number = this.reviews.filter((r) => r.repo === repo).length + 1;
    const review = { repo, number, source, target, title, body, url: `${base}/${number}` };
    this.reviews.push(review);
    return review;
  }
}
