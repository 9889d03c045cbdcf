/**
 * STAND-IN for Sigstore's public services (Fulcio and Rekor v1), which cannot be
 * reached here: the Sigstore project's own mock services (@sigstore/mock, the
 * handlers its clients are tested against: Fulcio's POST /api/v2/signingCert,
 * Rekor's POST /api/v1/log/entries), served over real HTTP on 127.0.0.1. Fulcio
 * issues a real certificate from a fresh CA for the token's `sub` and `iss`;
 * Rekor signs a real inclusion promise. The trusted root that describes both is
 * written as Sigstore's trusted_root.json, so verification is the real one.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import { fulcioHandler, initializeCA, initializeTLog, rekorHandler } from '@sigstore/mock';
import { closeServer, listenOnLoopback } from './loopback.js';

export interface SigstoreStandIn {
  url: string;
  trustedRoot: object;
  /** Requests served, by path. */
  requests: string[];
  stop(): Promise<void>;
}

/** An unsigned OIDC token as a CI would hand it over (the mock reads sub and iss without checking a signature). */
export function oidcTokenFor(claims: { sub: string; iss: string; aud?: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'sigstore', exp: Math.floor(Date.now() / 1000) + 600, ...claims })}.sig`;
}

function canonicalDsse(body: string): string {
  const proposed = JSON.parse(body) as { kind?: string; apiVersion?: string; spec?: { proposedContent?: { envelope: string; verifiers: string[] } } };
  if (proposed.kind !== 'dsse' || !proposed.spec?.proposedContent) return body;
  const { envelope, verifiers } = proposed.spec.proposedContent;
  const parsed = JSON.parse(envelope) as { payload: string; signatures: Array<{ sig: string }> };
  const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  return JSON.stringify({
    apiVersion: '0.0.1', kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(parsed.payload, 'base64')) },
      signatures: parsed.signatures.map((signature, index) => ({ signature: signature.sig, verifier: verifiers[index] ?? verifiers[0] })),
    },
  });
}

export async function startSigstore(): Promise<SigstoreStandIn> {
  const handlers = new Map<string, (body: string) => Promise<{ statusCode: number; response: string | Buffer; contentType?: string }>>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push(path);
      const handler = req.method === 'POST' ? handlers.get(path) : undefined;
      if (!handler) return res.writeHead(404).end();
      void handler(body).then((answer) => res.writeHead(answer.statusCode, { 'Content-Type': answer.contentType ?? 'text/plain' }).end(answer.response));
    });
  });
  const url = await listenOnLoopback(server);
  const ca = await initializeCA(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  const tlog = await initializeTLog(url, generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  const fulcio = fulcioHandler(ca);
  const rekor = rekorHandler(tlog);
  handlers.set(fulcio.path, fulcio.fn as never);
  // The mock logs a proposed entry as it came; Rekor stores a dsse entry canonicalized: its DSSEV001Schema
  // (sigstore/rekor pkg/generated/models, used by pkg/types/dsse/v0.0.1) holds envelopeHash, payloadHash and
  // signatures [{signature, verifier}], and @sigstore/verify 3.1 (dist/tlog/dsse.js, verifyDSSE001TLogBody)
  // compares exactly spec.signatures[0].signature and spec.payloadHash.value with the bundle.
  handlers.set(rekor.path, ((body: string) => rekor.fn(canonicalDsse(body))) as never);
  const start = '2000-01-01T00:00:00Z';
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [{
      baseUrl: url, hashAlgorithm: 'SHA2_256',
      publicKey: { rawBytes: tlog.publicKey.toString('base64'), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
      logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
    }],
    certificateAuthorities: [{
      subject: { organization: 'sigstore.mock', commonName: 'sigstore' }, uri: url,
      certChain: { certificates: [{ rawBytes: ca.rootCertificate.toString('base64') }] }, validFor: { start },
    }],
    ctlogs: [],
    timestampAuthorities: [],
  };
  return { url, trustedRoot, requests, stop: () => closeServer(server) };
}
