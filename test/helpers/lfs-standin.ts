/**
 * A stand-in for a Git LFS server: the Batch API (POST .../info/lfs/objects/batch)
 * and basic-transfer uploads (PUT), following git-lfs's published API docs
 * (docs/api/batch.md, docs/api/basic-transfers.md). Objects are really stored,
 * checked against their sha256, and can be read back by tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

const LFS_JSON = 'application/vnd.git-lfs+json';

export function isLfsRequest(urlPath: string): boolean {
  return urlPath.includes('/info/lfs/') || urlPath.startsWith('/lfs-objects/');
}

export function lfsObjectPath(projectRoot: string, repo: string, oid: string): string {
  return path.join(projectRoot, repo, 'lfs-standin', oid);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function handleLfs(req: http.IncomingMessage, res: http.ServerResponse, projectRoot: string, baseUrl: string): Promise<number> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const batch = /^\/(.+?)\/info\/lfs\/objects\/batch$/.exec(url.pathname);
  if (batch && req.method === 'POST') {
    const repo = batch[1];
    // Like hosted LFS servers, hand the transfer its own auth header for the object URL.
    const header = req.headers.authorization ? { Authorization: req.headers.authorization } : undefined;
    const request = JSON.parse((await readBody(req)).toString('utf8')) as { operation: string; objects: Array<{ oid: string; size: number }> };
    const objects = request.objects.map(({ oid, size }) => {
      const stored = existsSync(lfsObjectPath(projectRoot, repo, oid));
      if (request.operation === 'upload') {
        return stored ? { oid, size } : { oid, size, authenticated: true, actions: { upload: { href: `${baseUrl}/lfs-objects/${repo}/${oid}`, header, expires_in: 3600 } } };
      }
      return stored
        ? { oid, size, authenticated: true, actions: { download: { href: `${baseUrl}/lfs-objects/${repo}/${oid}`, header, expires_in: 3600 } } }
        : { oid, size, error: { code: 404, message: 'Object does not exist' } };
    });
    res.writeHead(200, { 'Content-Type': LFS_JSON }).end(JSON.stringify({ transfer: 'basic', objects }));
    return 200;
  }
  const object = /^\/lfs-objects\/(.+)\/([0-9a-f]{64})$/.exec(url.pathname);
  if (object && req.method === 'PUT') {
    const [, repo, oid] = object;
    const body = await readBody(req);
    if (createHash('sha256').update(body).digest('hex') !== oid) {
      res.writeHead(422, { 'Content-Type': LFS_JSON }).end(JSON.stringify({ message: 'sha256 mismatch' }));
      return 422;
    }
    mkdirSync(path.dirname(lfsObjectPath(projectRoot, repo, oid)), { recursive: true });
    writeFileSync(lfsObjectPath(projectRoot, repo, oid), body);
    res.writeHead(200).end();
    return 200;
  }
  if (object && req.method === 'GET') {
    const [, repo, oid] = object;
    res.writeHead(200).end(readFileSync(lfsObjectPath(projectRoot, repo, oid)));
    return 200;
  }
  // Locking API and anything else: not supported, which git-lfs tolerates.
  res.writeHead(404, { 'Content-Type': LFS_JSON }).end(JSON.stringify({ message: 'not supported by the stand-in' }));
  return 404;
}
