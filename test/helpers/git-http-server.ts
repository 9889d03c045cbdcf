/**
 * A real smart-HTTP git server for tests: `git http-backend` (shipped with git)
 * run as CGI behind a small Node server on 127.0.0.1, with HTTP Basic auth,
 * request logging and injectable faults. Nothing about git is simulated; Git LFS
 * requests go to the stand-in in lfs-standin.ts.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { Transform } from 'node:stream';
import { closeServer, listenOnLoopback } from './loopback.js';
import { execFileSync } from 'node:child_process';
import { handleLfs, isLfsRequest } from './lfs-standin.js';

export type Access = 'write' | 'read';
export type Fault = '500' | 'drop';

export interface ServedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  user?: string;
  bytesSent: number;
  /** Bytes of the request body (a push's pack, an LFS upload). */
  bytesReceived?: number;
}

export interface GitHttpServerOptions {
  /** Folder holding the bare repositories (served as /<name>.git). */
  projectRoot: string;
  /** user -> { password, access }; with no users every request is allowed. */
  users?: Record<string, { password: string; access: Access }>;
}

export class GitHttpServer {
  readonly requests: ServedRequest[] = [];
  private readonly server: http.Server;
  private readonly faults: Array<{ fault: Fault; match: (req: http.IncomingMessage) => boolean }> = [];
  url = '';

  constructor(private readonly options: GitHttpServerOptions) {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** The next request that `match` accepts (any by default) fails with `fault`. */
  injectFault(fault: Fault, match: (req: http.IncomingMessage) => boolean = () => true): void {
    this.faults.push({ fault, match });
  }

  /** Total response bytes sent for upload-pack (fetch) traffic: what a client downloaded. */
  bytesDownloaded(): number {
    return this.requests.filter((r) => r.path.endsWith('git-upload-pack') || r.query.includes('git-upload-pack')).reduce((sum, r) => sum + r.bytesSent, 0);
  }

  private authorize(req: http.IncomingMessage): { ok: true; user?: string } | { ok: false; status: number } {
    const users = this.options.users;
    if (!users) return { ok: true };
    const header = req.headers.authorization ?? '';
    const match = /^Basic (.+)$/.exec(header);
    if (!match) return { ok: false, status: 401 };
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, colon);
    const entry = users[user];
    if (!entry || entry.password !== decoded.slice(colon + 1)) return { ok: false, status: 401 };
    const wantsPush = (req.url ?? '').includes('git-receive-pack') || req.method === 'PUT';
    if (wantsPush && entry.access !== 'write') return { ok: false, status: 403 };
    return { ok: true, user };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const record: ServedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), status: 0, bytesSent: 0, bytesReceived: 0 };
    this.requests.push(record);

    const faultIndex = this.faults.findIndex((f) => f.match(req));
    if (faultIndex >= 0) {
      const [{ fault }] = this.faults.splice(faultIndex, 1);
      record.status = fault === '500' ? 500 : -1;
      if (fault === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('injected failure');
      return;
    }

    const auth = this.authorize(req);
    if (!auth.ok) {
      record.status = auth.status;
      const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
      if (auth.status === 401) headers['WWW-Authenticate'] = 'Basic realm="test git server"';
      res.writeHead(auth.status, headers).end(auth.status === 401 ? 'authentication required' : 'forbidden');
      return;
    }
    record.user = auth.user;

    if (isLfsRequest(url.pathname)) {
      void handleLfs(req, res, this.options.projectRoot, this.url).then((status) => (record.status = status));
      return;
    }

    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: this.options.projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method,
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: (req.headers['git-protocol'] as string | undefined) ?? '',
        REMOTE_USER: auth.user ?? 'anonymous',
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    // Counted on the way to git (a push's pack is what left the client).
    req.pipe(new Transform({ transform(chunk: Buffer, _encoding, done) { record.bytesReceived! += chunk.length; done(null, chunk); } })).pipe(child.stdin);
    child.stdin.on('error', () => undefined);

    let head = Buffer.alloc(0);
    let headersSent = false;
    // Honour backpressure: a full clone must not pile up in this process's memory.
    const forward = (chunk: Buffer) => {
      record.bytesSent += chunk.length;
      if (!res.write(chunk)) {
        child.stdout.pause();
        res.once('drain', () => child.stdout.resume());
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        forward(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      record.status = status;
      res.writeHead(status, headers);
      headersSent = true;
      forward(head.subarray(end + 4));
    });
    child.on('close', () => res.end());
    child.on('error', () => res.destroy());
  }
}

/** Creates a bare repository under `root` that the server can push to and filter. */
export function createServedRepo(root: string, name: string): string {
  const dir = `${root}/${name}`;
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', dir]);
  execFileSync('git', ['-C', dir, 'config', 'http.receivepack', 'true']);
  execFileSync('git', ['-C', dir, 'config', 'uploadpack.allowFilter', 'true']);
  execFileSync('git', ['-C', dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true']);
  return dir;
}
