/**
 * A model repository in S3-compatible object storage (AWS S3, MinIO, Ceph, R2):
 * `s3://bucket/prefix`, holding the same version folders as git, for KServe's
 * storage initializer or Seldon's agent to copy into the pod (MLServer itself
 * never downloads models). Object storage has no atomic multi-object change, so:
 * - release.json is written last and is the commit point: a folder without it
 *   is not published, for every reader (list, promote, verify);
 * - a first publish claims the folder with a conditional write
 *   (`If-None-Match: *`) before writing anything, and writes release.json the
 *   same way, so racing publishes have one winner; the others decide again
 *   (already published, or a conflict). Where the server ignores conditional
 *   writes, racing first publishes of one version are not safe: serialise them
 *   in CI (concurrency group, resource_group);
 * - removing a version deletes release.json first;
 * - an interrupted run (SIGINT, SIGTERM) aborts its multipart uploads and
 *   deletes its claims before it exits (interrupts.ts), and a claim left by a
 *   run that could not clean up (SIGKILL, a lost runner) expires: see `claimFolder`.
 * Every request has --network-timeout as its deadline (connect, whole request,
 * idle socket) and is tried at most twice, so an endpoint that accepts
 * connections but never answers fails as EUNREACHABLE instead of hanging.
 * Content ids are the sha256 the tool stores as object metadata. Big files go up
 * as streamed multipart uploads with parallel parts, so memory stays bounded.
 * Credentials come from the AWS SDK's default chain: AWS_ACCESS_KEY_ID and
 * AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN), profiles, and web identity
 * (GitHub OIDC through aws-actions/configure-aws-credentials, GitLab id_tokens).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CopyObjectCommand, CreateMultipartUploadCommand,
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command,
  PutObjectCommand, S3Client, UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ReleaseError } from '../errors.js';
import { onInterrupt } from '../interrupts.js';
import type { Logger } from '../log.js';
import { RECORD_FILE } from '../publish/layout.js';
import { sha256File } from '../publish/layout.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, describeNetworkError } from '../publish/network.js';
import { backoffDelay, DEFAULT_BACKOFF, sleep, type BackoffOptions } from '../publish/retry.js';
import { versionFolders } from './folders.js';
import { CLAIM, CLAIM_RENEW_EVERY_MS, CLAIM_STALE_AFTER_MS, isPreconditionFailed, s3Claims, type Holding } from './s3-claims.js';
import { parseS3Url, type S3Location } from './s3-location.js';

export { CLAIM, CLAIM_RENEW_EVERY_MS, CLAIM_STALE_AFTER_MS } from './s3-claims.js';
export { parseS3Url, prefixProblems, storageUriOf, type S3Location } from './s3-location.js';
import type { Applied, ApplyOptions, Decision, FileToPublish, ModelStore, Snapshot, StoredReference } from './types.js';
import { TransferProgress } from '../progress.js';

export interface S3StoreOptions {
  url: string;
  /** The injected environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN are read from it. */
  env: Record<string, string | undefined>;
  modelsPath: string;
  endpoint?: string;
  pathStyle?: boolean;
  region?: string;
  log: Logger;
  backoff?: BackoffOptions;
  /** Parts of a multipart upload (default 8 MiB) and how many go at once (default 4). */
  partSize?: number;
  queueSize?: number;
  /** --network-timeout: the deadline of each request (connect, whole request, idle socket). Default 120 s. */
  networkTimeoutMs?: number;
  /** A claim the server last saw written longer ago than this is stale (default 15 min; see claimFolder). */
  claimStaleAfterMs?: number;
  /** How often a holder re-writes its claims while it writes (default 2 min). */
  claimRenewEveryMs?: number;
}

const sha256Of = (content: string) => createHash('sha256').update(content).digest('hex');

/** S3's limits: CopyObject copies up to 5 GiB; above, UploadPartCopy copies parts of at most 5 GiB. */
export const COPY_OBJECT_MAX_BYTES = 5 * 1024 ** 3;
const COPY_PART_BYTES = 1024 ** 3;

/** What an S3 error means for the user: named, with the exit code the catalog gives it. */
function s3Error(error: unknown, what: string, location: S3Location, endpoint: string, timeoutMs: number): ReleaseError {
  if (error instanceof ReleaseError) return error;
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  // No HTTP status: the request never got an answer (timeout, refused, DNS, TLS).
  if (status === undefined && e.name !== 'CredentialsProviderError') return new ReleaseError('EUNREACHABLE', `Object storage failed to ${what}: ${describeNetworkError(error, endpoint, timeoutMs)}`);
  if (e.name === 'NoSuchBucket' || (status === 404 && /bucket/i.test(what))) return new ReleaseError('EREMOTENOTFOUND', `The bucket "${location.bucket}" does not exist (or this endpoint does not have it)`);
  if (e.name === 'CredentialsProviderError') return new ReleaseError('EAUTH', `No object-storage credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile (AWS_PROFILE), or web identity (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE)`);
  if (e.name === 'InvalidAccessKeyId' || e.name === 'SignatureDoesNotMatch' || status === 401) return new ReleaseError('EAUTH', `Object storage rejected the credentials while trying to ${what} (${e.name ?? status})`);
  if (e.name === 'AccessDenied' || status === 403) return new ReleaseError('EFORBIDDEN', `Object storage refused to ${what} in s3://${location.bucket}/${location.prefix} (${e.name ?? status})`);
  // S3 answers 301/307 when the bucket lives in another region or the endpoint is not the bucket's;
  // the SDK then has no error code to give ("Unknown"), and the tool never follows a redirect with credentials.
  if (status !== undefined && status >= 300 && status < 400) {
    return new ReleaseError('EREDIRECT', `Object storage answered HTTP ${status} (a redirect) when asked to ${what}: the bucket "${location.bucket}" is in another region or behind another endpoint than ${endpoint}; set AWS_REGION to the bucket's region, or --s3-endpoint to its endpoint`);
  }
  const named = e.name && e.name !== 'Unknown' ? e.name : `HTTP ${status}`;
  return new ReleaseError('EUNREACHABLE', `Object storage failed to ${what}: ${named}${e.message && e.message !== 'UnknownError' ? ` ${e.message}` : ''}`);
}


export function s3Store(options: S3StoreOptions): ModelStore {
  const location = parseS3Url(options.url);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = options.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const region = options.region ?? 'us-east-1';
  const endpoint = options.endpoint ?? `https://s3.${region}.amazonaws.com`;
  const staleAfterMs = options.claimStaleAfterMs ?? CLAIM_STALE_AFTER_MS;
  const renewEveryMs = options.claimRenewEveryMs ?? CLAIM_RENEW_EVERY_MS;
  // The SDK warns on Node 20 that its *future* versions will need Node 22; the bundle carries this
  // version, so the warning would only confuse. It reads this variable once, when the client starts.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const client = new S3Client({
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.pathStyle ?? false,
    // The SDK's NodeHttpHandler.create() takes these options in place of a handler. Its defaults are
    // no deadline at all; a requestTimeout only logs a warning unless throwOnRequestTimeout is set.
    requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs, socketTimeout: timeoutMs, throwOnRequestTimeout: true },
    // One retry for a transient failure (a 503 SlowDown, a reset connection): an endpoint that never
    // answers costs at most about twice --network-timeout.
    maxAttempts: 2,
    // Keys in the (injected) environment win; otherwise the SDK's own chain: profiles, web identity, instance roles.
    ...(options.env.AWS_ACCESS_KEY_ID && options.env.AWS_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: options.env.AWS_ACCESS_KEY_ID, secretAccessKey: options.env.AWS_SECRET_ACCESS_KEY, ...(options.env.AWS_SESSION_TOKEN ? { sessionToken: options.env.AWS_SESSION_TOKEN } : {}) } }
      : {}),
  });
  const key = (path: string) => (location.prefix ? `${location.prefix}/${path}` : path);
  const fromKey = (k: string) => (location.prefix ? k.slice(location.prefix.length + 1) : k);
  const fail = (error: unknown, what: string) => s3Error(error, what, location, endpoint, timeoutMs);
  const call = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (isPreconditionFailed(error)) throw error;
      throw fail(error, what);
    }
  };
  const deleteKey = (path: string, ifMatch?: string) =>
    client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: key(path), ...(ifMatch ? { IfMatch: ifMatch } : {}) }));

  /** Every object under `prefix`, page by page: its path in the store and its size. */
  async function listObjects(prefix: string): Promise<Array<{ path: string; size?: number }>> {
    const objects: Array<{ path: string; size?: number }> = [];
    let token: string | undefined;
    do {
      const page = await call(`list ${prefix}`, () => client.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: key(prefix), ContinuationToken: token })));
      for (const object of page.Contents ?? []) if (object.Key) objects.push({ path: fromKey(object.Key), size: object.Size });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return objects;
  }

  async function listAll(prefix: string): Promise<string[]> {
    return (await listObjects(prefix)).map((object) => object.path);
  }

  async function readText(path: string): Promise<string | undefined> {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key(path) }));
      return await object.Body?.transformToString('utf8');
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw fail(error, `read ${path}`);
    }
  }

  /** An object's content id as the snapshot gives it: the sha256 its writer recorded, else its ETag. */
  async function recordedSha256(object: { bucket: string; key: string }): Promise<string> {
    const head = await call(`read ${object.key}`, () => client.send(new HeadObjectCommand({ Bucket: object.bucket, Key: object.key })));
    return head.Metadata?.sha256 ?? `etag:${head.ETag}`;
  }

  /** Who can copy on this server: the same endpoint, region and access key (or the same SDK chain). */
  const serverId = `${endpoint} ${region} ${options.env.AWS_ACCESS_KEY_ID ?? 'default credentials'}`;

  async function snapshot(): Promise<Snapshot> {
    const keys = await listAll(options.modelsPath ? `${options.modelsPath}/` : '');
    const all = versionFolders(keys.map((path) => ({ path, id: '' })), options.modelsPath);
    // release.json is the commit point: a folder without it is not published.
    const listed = new Set(keys);
    const folders = new Map([...all].filter(([folder]) => listed.has(`${folder}/${RECORD_FILE}`)));
    for (const [name, folder] of folders) {
      const names = await folder.files();
      let ids: Map<string, string> | undefined;
      folders.set(name, {
        folder: name,
        files: async () => (ids ??= new Map(await Promise.all([...names.keys()].filter((p) => p !== CLAIM).map(async (p) => {
          const head = await call(`read ${name}/${p}`, () => client.send(new HeadObjectCommand({ Bucket: location.bucket, Key: key(`${name}/${p}`) })));
          return [p, head.Metadata?.sha256 ?? `etag:${head.ETag}`] as [string, string];
        })))),
      });
    }
    return {
      folders,
      async readTexts(paths) {
        const out = new Map<string, string>();
        for (const path of paths) {
          const text = await readText(path);
          if (text !== undefined) out.set(path, text);
        }
        return out;
      },
      async contentIds(_folder, files) {
        return new Map(await Promise.all(files.map(async (file) => [file.path, file.stored?.server ? await recordedSha256(file.stored.server) : file.sha256 ?? (file.source ? await sha256File(file.source) : sha256Of(file.content ?? ''))] as [string, string])));
      },
    };
  }

  /**
   * A copy made by the server from an object it holds (this bucket or another
   * behind the same endpoint): no byte passes through this machine. The object's
   * metadata (its sha256) goes with it.
   */
  async function copyOnServer(path: string, from: NonNullable<StoredReference['server']>): Promise<void> {
    const source = `${from.bucket}/${encodeURIComponent(from.key).replace(/%2F/g, '/')}`;
    const head = await call(`read ${from.key}`, () => client.send(new HeadObjectCommand({ Bucket: from.bucket, Key: from.key })));
    const size = head.ContentLength ?? 0;
    if (size <= COPY_OBJECT_MAX_BYTES) {
      await call(`copy ${from.key} to ${path}`, () => client.send(new CopyObjectCommand({ Bucket: location.bucket, Key: key(path), CopySource: source, MetadataDirective: 'COPY' })));
      return;
    }
    const { UploadId } = await call(`start copying ${path}`, () => client.send(new CreateMultipartUploadCommand({ Bucket: location.bucket, Key: key(path), Metadata: head.Metadata })));
    const progress = new TransferProgress(options.log, `copy on the server ${from.key} -> ${key(path)}`, size);
    try {
      const parts: Array<{ ETag?: string; PartNumber: number }> = [];
      for (let start = 0, part = 1; start < size; start += COPY_PART_BYTES, part++) {
        const end = Math.min(start + COPY_PART_BYTES, size) - 1;
        const copied = await call(`copy part ${part} of ${path}`, () => client.send(new UploadPartCopyCommand({
          Bucket: location.bucket, Key: key(path), UploadId, PartNumber: part, CopySource: source, CopySourceRange: `bytes=${start}-${end}`,
        })));
        parts.push({ ETag: copied.CopyPartResult?.ETag, PartNumber: part });
        progress.add(end - start + 1);
      }
      await call(`finish copying ${path}`, () => client.send(new CompleteMultipartUploadCommand({ Bucket: location.bucket, Key: key(path), UploadId, MultipartUpload: { Parts: parts } })));
      progress.finish();
    } catch (error) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: location.bucket, Key: key(path), UploadId })).catch(() => undefined);
      throw error;
    }
  }

  /** What one apply attempt holds: claims to release and uploads to abort, also on an interrupt. */
  async function upload(path: string, file: FileToPublish, sha256: string, ifNoneMatch: boolean, holding: Holding): Promise<void> {
    if (file.stored?.server && !ifNoneMatch) return copyOnServer(path, file.stored.server);
    if (file.stored) throw new Error(`${file.path}: a stored file this store cannot copy reached upload()`);
    if (!file.source) {
      await call(`write ${path}`, () => client.send(new PutObjectCommand({
        Bucket: location.bucket, Key: key(path), Body: file.content ?? '', Metadata: { sha256 }, ...(ifNoneMatch ? { IfNoneMatch: '*' } : {}),
      })));
      return;
    }
    // Streamed multipart with parallel parts: memory stays at about partSize x queueSize, whatever the size.
    const parts = new Upload({
      client,
      params: { Bucket: location.bucket, Key: key(path), Body: createReadStream(file.source), Metadata: { sha256 } },
      partSize: options.partSize ?? 8 * 1024 * 1024,
      queueSize: options.queueSize ?? 4,
      leavePartsOnError: false,
    });
    holding.uploads.set(parts, key(path));
    const progress = new TransferProgress(options.log, `upload ${path}`, (await stat(file.source)).size);
    let loaded = 0;
    parts.on('httpUploadProgress', (event) => {
      if (event.loaded === undefined || event.loaded <= loaded) return;
      progress.add(event.loaded - loaded);
      loaded = event.loaded;
    });
    try {
      await call(`upload ${path}`, () => parts.done());
      progress.finish();
    } finally {
      holding.uploads.delete(parts);
    }
  }

  const { claimFolder, renew, release, takeBack, abortUploadsUnder } = s3Claims({ client, bucket: location.bucket, key, deleteKey, fail, log: options.log, staleAfterMs });

  async function removeFolder(folder: string): Promise<void> {
    const keys = await listAll(`${folder}/`);
    // Un-publish first: without release.json the folder no longer counts, whatever is left of it.
    const ordered = [...keys.filter((k) => k.endsWith(`/${RECORD_FILE}`)), ...keys.filter((k) => !k.endsWith(`/${RECORD_FILE}`))];
    for (const k of ordered) await call(`delete ${k}`, () => deleteKey(k));
  }

  const preconditionFailed = () => Object.assign(new Error('the claim was lost'), { name: 'PreconditionFailed' });

  return {
    kind: 's3',
    location: options.url,
    async preflight() {
      // A GET, not HeadBucket: only a GET's error body names the problem (NoSuchBucket, InvalidAccessKeyId).
      await call(`open the bucket ${location.bucket}`, () => client.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: `${key('')}${CLAIM}` })));
      options.log.info(`preflight: s3://${location.bucket} answers${location.prefix ? ` (prefix ${location.prefix})` : ''}`);
    },
    snapshot: () => snapshot(),
    referenceTo: (folder, file) => ({ location: options.url, folder, path: file, server: { id: serverId, bucket: location.bucket, key: key(`${folder}/${file}`) } }),
    canCopy: (reference) => reference.server?.id === serverId,
    async readFolder(folder, _branch, use) {
      const objects = (await listObjects(`${folder}/`)).filter((object) => !object.path.endsWith(`/${CLAIM}`));
      // Each object's body is the HTTP response itself, streamed as it is read.
      return use(objects.map((object) => ({
        path: object.path.slice(folder.length + 1),
        size: object.size,
        open: async () => (await call(`read ${object.path}`, () => client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key(object.path) })))).Body as Readable,
      })));
    },
    async apply<T>(decide: (snapshot: Snapshot, attempt: number) => Promise<Decision<T>>, applyOptions: ApplyOptions): Promise<Applied<T>> {
      for (let attempt = 1; attempt <= backoff.attempts; attempt++) {
        const seen = await snapshot();
        const decision = await decide(seen, attempt);
        if ('done' in decision) return { result: decision.done, changed: false, attempts: attempt };
        const holding: Holding = { claims: [], uploads: new Map(), written: [], committing: false };
        let lostRace = false;
        // From here on an interrupt aborts the uploads and releases the claims before the process exits.
        const forget = onInterrupt(() => release(holding));
        const heartbeat = setInterval(() => void Promise.all(holding.claims.map(renew)), renewEveryMs);
        heartbeat.unref();
        try {
          for (const write of decision.writes) {
            if (write.files === null) {
              await removeFolder(write.folder);
              continue;
            }
            const fresh = !seen.folders.has(write.folder);
            // Claim the folder first (a new version, or one replaced with --force), so a racing publish never mixes its files with ours.
            holding.claims.push(await claimFolder(write.folder));
            // A run killed mid-upload may have left a multipart upload here; holding the claim, it is ours to abort.
            await abortUploadsUnder(write.folder);
            // Holding the claim, nobody else writes here; one who finished since our snapshot left its release.json.
            if (fresh && (await readText(`${write.folder}/${RECORD_FILE}`)) !== undefined) throw Object.assign(new Error('committed meanwhile'), { name: 'PreconditionFailed' });
            const ids = await seen.contentIds(write.folder, write.files);
            const record = write.files.find((f) => f.path === RECORD_FILE);
            // A replaced (--force) version is un-published before its files change, so no reader ever
            // sees the new artifact beside the old release.json; the new release.json re-publishes it.
            if (!fresh && record) await call(`delete ${write.folder}/${RECORD_FILE}`, () => deleteKey(`${write.folder}/${RECORD_FILE}`));
            for (const file of write.files) {
              if (file === record) continue;
              // Only a new folder's files are ours to take back; a replaced one's were someone's before.
              if (fresh && !write.keepOthers) holding.written.push(`${write.folder}/${file.path}`);
              await upload(`${write.folder}/${file.path}`, file, ids.get(file.path)!, false, holding);
            }
            if (holding.claims.some((c) => c.lost)) throw preconditionFailed();
            holding.committing = true;
            if (record) await upload(`${write.folder}/${RECORD_FILE}`, record, ids.get(RECORD_FILE)!, fresh, holding);
            holding.committing = false;
            holding.written = [];
            // A replaced version keeps only the new files (unless the write keeps the others: one file of a shared folder).
            if (!write.keepOthers) {
              const kept = new Set([...write.files.map((f) => f.path), CLAIM]);
              for (const k of await listAll(`${write.folder}/`)) {
                if (!kept.has(k.slice(write.folder.length + 1))) await call(`delete ${k}`, () => deleteKey(k));
              }
            }
          }
        } catch (error) {
          if (!isPreconditionFailed(error)) {
            // An attempt that failed leaves the folder as it found it (without release.json it was never published).
            // Not after a 412: that means another run owns or committed the folder now.
            await takeBack(holding);
            throw error;
          }
          lostRace = true;
        } finally {
          clearInterval(heartbeat);
          forget();
          // Only our own claim: If-Match on its ETag leaves one another run took over in place.
          for (const claim of holding.claims) await deleteKey(claim.path, claim.etag).catch(() => undefined);
        }
        if (lostRace) {
          // Another publish claimed or committed the folder first: decide again on what is there now.
          options.log.info(`publish: another publish got to ${applyOptions.what.replace(/^publishing /, '')} first; deciding again`);
          await sleep(backoffDelay(attempt, backoff));
          continue;
        }
        for (const write of decision.writes) options.log.info(`publish: s3://${location.bucket}/${key(write.folder)}/ ${write.files ? 'is in place' : 'was removed'}`);
        return { result: decision.result, changed: true, attempts: attempt };
      }
      throw new ReleaseError('EPUSHFAILED', `Gave up on ${applyOptions.what}: the folder kept changing`);
    },
  };
}
