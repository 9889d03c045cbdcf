/**
 * Object storage for tests: s3rver (a real S3 implementation from npm) on
 * 127.0.0.1, and in front of it a STAND-IN for S3's conditional writes, which
 * s3rver 3.7 ignores: a PUT with `If-None-Match: *` on a key that exists is
 * answered 412 PreconditionFailed, as S3 documents ("Conditional writes",
 * PutObject); everything else passes through untouched. s3rver refuses an
 * unknown access key id but does not check signatures, so bad-credential tests
 * use an unknown key id.
 */
import http from 'node:http';
import S3rver from 's3rver';
import { tempDir } from './fs.js';
import { closeServer, listenOnLoopback } from './loopback.js';

export const S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };

export interface S3Server {
  /** The conditional-write front: what the tool should talk to. */
  url: string;
  /** s3rver itself, which ignores If-None-Match. */
  directUrl: string;
  conditionalRejections: number;
  /** Parts received by multipart uploads (PUT ...?partNumber=N). */
  partsUploaded: number;
  stop(): Promise<void>;
}

export async function startS3(buckets = ['models']): Promise<S3Server> {
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: tempDir('mlsr-s3-'), configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  const directUrl = `http://127.0.0.1:${port}`;
  const state = { conditionalRejections: 0, partsUploaded: 0 };
  const front = http.createServer((req, res) => {
    if (req.method === 'PUT' && /[?&]partNumber=/.test(req.url ?? '')) state.partsUploaded++;
    const forward = () => {
      const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    };
    if (req.method !== 'PUT' || req.headers['if-none-match'] !== '*') return forward();
    const headers = { ...req.headers };
    for (const name of ['content-length', 'content-type', 'if-none-match', 'expect', 'transfer-encoding']) delete headers[name];
    http.request({ host: '127.0.0.1', port, method: 'HEAD', path: (req.url ?? '').split('?')[0], headers }, (head) => {
      head.resume();
      if (head.statusCode === 200) {
        state.conditionalRejections++;
        req.resume();
        res.writeHead(412, { 'Content-Type': 'application/xml' }).end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>');
      } else forward();
    }).end();
  });
  const url = await listenOnLoopback(front);
  return {
    url,
    directUrl,
    get conditionalRejections() { return state.conditionalRejections; },
    get partsUploaded() { return state.partsUploaded; },
    async stop() {
      await closeServer(front);
      await server.close();
    },
  };
}
