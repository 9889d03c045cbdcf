/**
 * Object storage for tests: s3rver (a real S3 implementation from npm) on
 * 127.0.0.1, and in front of it a STAND-IN for what s3rver 3.7 lacks, answered
 * as S3 documents it:
 * - conditional writes (PutObject, DeleteObject): `If-None-Match: *` on a key
 *   that exists, or `If-Match` with another ETag, is 412 PreconditionFailed;
 *   `If-Match` on a missing key is 404 NoSuchKey;
 * - ListMultipartUploads and AbortMultipartUpload, read from and applied to
 *   s3rver's own upload folders (`<bucket>/._S3rver_uploads/<id>/`); a part for
 *   an aborted upload is 404 NoSuchUpload.
 * Everything else passes through untouched. s3rver refuses an unknown access key
 * id but does not check signatures, so bad-credential tests use an unknown key id.
 * The front can also hold part uploads (`holdParts`), so a test can interrupt a
 * publish while it is certainly mid-upload.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import S3rver from 's3rver';
import { tempDir } from './fs.js';
import { closeServer, listenOnLoopback } from './loopback.js';

export const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };

export interface S3Server {
  /** The front: what the tool should talk to. */
  url: string;
  /** The server behind the front (s3rver ignores If-None-Match). */
  directUrl: string;
  /** The environment that points the tool at it (credentials, region). */
  credentials: Record<string, string>;
  conditionalRejections: number;
  /** Parts received by multipart uploads (PUT ...?partNumber=N). */
  partsUploaded: number;
  /** Bytes the front has sent to its clients (answers, headers included): what reached this machine. */
  bytesSent: number;
  /** Bytes the front has received from its clients (requests and uploads): what left this machine. */
  bytesReceived: number;
  /** From now on, parts after the first `after` wait at the front until releaseParts (or stop). */
  holdParts(after: number): void;
  releaseParts(): void;
  stop(): Promise<void>;
}

const xml = (res: http.ServerResponse, status: number, body: string) =>
  res.writeHead(status, { 'Content-Type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
const s3ErrorXml = (res: http.ServerResponse, status: number, code: string, message: string) => xml(res, status, `<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Counts and, when asked, holds part uploads; shared by the s3rver and moto fronts. */
export function partGate() {
  const state = { parts: 0, holdAfter: Infinity, held: [] as Array<() => void> };
  return {
    get parts() { return state.parts; },
    /** Call for every request; runs `forward` now or when released. */
    pass(req: http.IncomingMessage, forward: () => void): void {
      if (req.method === 'PUT' && /[?&]partNumber=/.test(req.url ?? '')) {
        state.parts++;
        if (state.parts > state.holdAfter) {
          state.held.push(() => {
            if (!req.socket.destroyed) forward();
          });
          return;
        }
      }
      forward();
    },
    hold(after: number) {
      state.holdAfter = state.parts + after;
    },
    release() {
      state.holdAfter = Infinity;
      // A request whose client went away (an interrupted run) is dropped, as S3 would never see it.
      for (const forward of state.held.splice(0)) forward();
    },
  };
}

/** Passes a request through to 127.0.0.1:port unchanged. */
export function forwardTo(port: number, req: http.IncomingMessage, res: http.ServerResponse): void {
  // No keep-alive behind the front, and a client that goes away takes its upstream request along,
  // so stopping the server never waits for a connection nobody uses.
  const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

export async function startS3(buckets = ['models']): Promise<S3Server> {
  const directory = tempDir('mlsr-s3-');
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  const directUrl = `http://127.0.0.1:${port}`;
  const state = { conditionalRejections: 0 };
  const gate = partGate();
  const locks = new Map<string, Promise<void>>();
  const uploadsOf = (bucket: string) => path.join(directory, bucket, '._S3rver_uploads');

  const front = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://front');
    const [bucket, ...rest] = url.pathname.slice(1).split('/');
    const objectKey = decodeURIComponent(rest.join('/'));
    const uploadId = url.searchParams.get('uploadId');
    const forward = () => forwardTo(port, req, res);

    if (req.method === 'GET' && !objectKey && url.searchParams.has('uploads')) {
      // ListMultipartUploads: the uploads s3rver has started and not completed.
      const prefix = url.searchParams.get('prefix') ?? '';
      const dir = uploadsOf(bucket);
      const uploads = (existsSync(dir) ? readdirSync(dir) : [])
        .filter((id) => existsSync(path.join(dir, id, 'key')))
        .map((id) => ({ id, key: readFileSync(path.join(dir, id, 'key'), 'utf8') }))
        .filter((u) => u.key.startsWith(prefix));
      return xml(res, 200, `<ListMultipartUploadsResult><Bucket>${bucket}</Bucket><Prefix>${escapeXml(prefix)}</Prefix><IsTruncated>false</IsTruncated>${uploads
        .map((u) => `<Upload><Key>${escapeXml(u.key)}</Key><UploadId>${u.id}</UploadId></Upload>`).join('')}</ListMultipartUploadsResult>`);
    }
    if (uploadId && /^[0-9a-f]+$/.test(uploadId)) {
      const dir = path.join(uploadsOf(bucket), uploadId);
      if (req.method === 'DELETE') {
        // AbortMultipartUpload
        if (!existsSync(dir)) return s3ErrorXml(res, 404, 'NoSuchUpload', 'The specified upload does not exist');
        rmSync(dir, { recursive: true, force: true });
        return res.writeHead(204).end();
      }
      if (!existsSync(path.join(dir, 'key'))) {
        req.resume();
        return s3ErrorXml(res, 404, 'NoSuchUpload', 'The specified upload does not exist');
      }
      return gate.pass(req, forward);
    }
    const ifNoneMatch = req.headers['if-none-match'];
    const ifMatch = req.headers['if-match'];
    const conditional = (req.method === 'PUT' && (ifNoneMatch === '*' || ifMatch)) || (req.method === 'DELETE' && ifMatch);
    if (!conditional) return forward();
    const headers = { ...req.headers };
    for (const name of ['content-length', 'content-type', 'if-none-match', 'if-match', 'expect', 'transfer-encoding', 'content-md5']) delete headers[name];
    // Check and write are one step per key, as on S3: the next conditional request waits until this one is answered.
    const previous = locks.get(url.pathname) ?? Promise.resolve();
    const done = new Promise<void>((resolve) => res.once('close', resolve));
    const mine = previous.then(() => done);
    locks.set(url.pathname, mine);
    void mine.then(() => {
      if (locks.get(url.pathname) === mine) locks.delete(url.pathname);
    });
    void previous.then(() => http.request({ host: '127.0.0.1', port, method: 'HEAD', path: url.pathname, headers, agent: false }, (head) => {
      head.resume();
      const exists = head.statusCode === 200;
      const etag = String(head.headers.etag ?? '').replace(/"/g, '');
      let refusal: [number, string, string] | undefined;
      if (ifNoneMatch === '*' && exists) refusal = [412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold'];
      else if (ifMatch && !exists) refusal = [404, 'NoSuchKey', 'The specified key does not exist.'];
      else if (ifMatch && String(ifMatch).replace(/"/g, '') !== etag) refusal = [412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold'];
      if (!refusal) return forward();
      state.conditionalRejections++;
      req.resume();
      s3ErrorXml(res, ...refusal);
    }).end());
  });
  const url = await listenOnLoopback(front);
  return serverHandle({ url, directUrl, credentials: S3_CREDENTIALS, gate, front, rejections: () => state.conditionalRejections, stopBackend: () => server.close() });
}

/** The S3Server a test gets: the front it talks to, the backend behind it, and the part gate. */
export function serverHandle(parts: {
  url: string; directUrl: string; credentials: S3Server['credentials']; gate: ReturnType<typeof partGate>; front: http.Server;
  rejections: () => number; stopBackend: () => Promise<unknown>;
}): S3Server {
  const { gate } = parts;
  let sent = 0;
  let received = 0;
  const open = new Set<Socket>();
  parts.front.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => {
      sent += socket.bytesWritten;
      received += socket.bytesRead;
      open.delete(socket);
    });
  });
  return {
    url: parts.url,
    directUrl: parts.directUrl,
    credentials: parts.credentials,
    get conditionalRejections() { return parts.rejections(); },
    get partsUploaded() { return gate.parts; },
    get bytesSent() { return sent + [...open].reduce((sum, socket) => sum + socket.bytesWritten, 0); },
    get bytesReceived() { return received + [...open].reduce((sum, socket) => sum + socket.bytesRead, 0); },
    holdParts: (after) => gate.hold(after),
    releaseParts: () => gate.release(),
    async stop() {
      gate.release();
      await closeServer(parts.front);
      await parts.stopBackend();
    },
  };
}
