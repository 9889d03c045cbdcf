/**
 * Claims on S3 version folders: the conditional-write claim a publish holds while
 * it writes, its renewal, the stale-claim rule, and what an interrupted or failed
 * attempt takes back (multipart uploads, files of a new folder, the claim). s3.ts
 * owns the store; this file owns who may write a folder, and the clean-up.
 */
import { randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand, HeadObjectCommand, ListMultipartUploadsCommand, PutObjectCommand, type S3Client,
} from '@aws-sdk/client-s3';
import type { Upload } from '@aws-sdk/lib-storage';
import type { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';

/** Defaults of the stale-claim rule: the holder renews every 2 minutes, a claim 15 minutes old is stale. */
export const CLAIM_RENEW_EVERY_MS = 2 * 60_000;
export const CLAIM_STALE_AFTER_MS = 15 * 60_000;

export const CLAIM = '.mlserver-release-claim';

export const isPreconditionFailed = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'PreconditionFailed' || e.$metadata?.httpStatusCode === 412;
};

export interface Holding {
  claims: Claim[];
  /** Each upload in flight, with its key. */
  uploads: Map<Upload, string>;
  /** What this attempt wrote into folders it claimed, to take back if it cannot finish. */
  written: string[];
  /** release.json is on its way: from here on the attempt may have finished, so nothing is taken back. */
  committing: boolean;
}

export interface Claim {
  folder: string;
  path: string;
  body: string;
  etag?: string;
  /** The claim was taken over or removed while we held it (we stalled past the TTL): do not commit. */
  lost: boolean;
}

export interface ClaimsContext {
  client: S3Client;
  bucket: string;
  /** The object key of a store path (the prefix added). */
  key(path: string): string;
  deleteKey(path: string, ifMatch?: string): Promise<unknown>;
  /** The catalogued error for an S3 failure. */
  fail(error: unknown, what: string): ReleaseError;
  log: Logger;
  staleAfterMs: number;
}

export function s3Claims(context: ClaimsContext) {
  const { client, bucket, key, deleteKey, fail, log, staleAfterMs } = context;

  /** Aborts every multipart upload under `folder` (ours, or one a killed run left); where the server cannot list them, nothing. */
  async function abortUploadsUnder(folder: string): Promise<void> {
    const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key(`${folder}/`) })).catch(() => undefined);
    await Promise.all((listed?.Uploads ?? []).map((u) =>
      client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId })).catch(() => undefined)));
  }

  async function release(holding: Holding): Promise<void> {
    // Stop the parts first, then abort on the server (also an upload whose id is not known yet), then let go of the folder.
    const uploads = [...holding.uploads];
    await Promise.all(uploads.map(([u]) => u.abort()));
    await Promise.all(uploads.filter(([u]) => u.uploadId).map(([u, k]) =>
      client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: k, UploadId: u.uploadId })).catch(() => undefined)));
    holding.uploads.clear();
    await Promise.all(holding.claims.map((c) => abortUploadsUnder(c.folder)));
    await takeBack(holding);
    await Promise.all(holding.claims.map((c) => deleteKey(c.path, c.etag).catch(() => undefined)));
  }

  /**
   * Deletes the files an unfinished attempt wrote. Not once release.json is on its way
   * (it may land, and then the folder is published and must stay whole), and not when a
   * claim was lost (the folder may be someone else's by now).
   */
  async function takeBack(holding: Holding): Promise<void> {
    if (holding.committing || holding.claims.some((c) => c.lost)) return;
    await Promise.all(holding.written.splice(0).map((path) => deleteKey(path).catch(() => undefined)));
  }


  /** HEAD with the server's own clock: the Date header of the same response. */
  async function headWithServerTime(path: string) {
    const command = new HeadObjectCommand({ Bucket: bucket, Key: key(path) });
    let serverDate: string | undefined;
    command.middlewareStack.add((next) => async (args) => {
      const result = await next(args);
      serverDate = (result.response as { headers?: Record<string, string> }).headers?.date;
      return result;
    }, { step: 'deserialize', name: 'mlserverReleaseServerDate' });
    try {
      const head = await client.send(command);
      return { head, now: serverDate ? Date.parse(serverDate) : Date.now() };
    } catch (error) {
      if ((error as { name?: string }).name === 'NotFound' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw fail(error, `read ${path}`);
    }
  }

  /**
   * Claims `folder` with a conditional write (If-None-Match: *). The stale-claim rule:
   * the holder re-writes its claim every `claimRenewEveryMs` (2 min) while it writes
   * (`renew`), so a live holder's claim is never older than that plus one slow request
   * (2 x --network-timeout). A claim whose LastModified is older than
   * `claimStaleAfterMs` (15 min) is stale: its holder died without cleaning up
   * (SIGKILL, a runner that vanished). Its age is measured on the server's clock
   * (LastModified against the Date header of the same HEAD), so a runner's wrong
   * clock changes nothing. A stale claim is deleted, with If-Match on the ETag the
   * HEAD saw so a claim renewed or re-taken meanwhile stays, and the folder is
   * claimed again. Safe because the TTL is several renewal periods: only a holder
   * that could not reach the server for 15 minutes loses its claim, and it finds
   * out at its next renewal (If-Match fails) and never commits release.json; a new
   * version's release.json is a conditional write as well, so two holders never
   * both publish it.
   */
  async function claimFolder(folder: string): Promise<Claim> {
    const path = `${folder}/${CLAIM}`;
    const body = randomBytes(8).toString('hex');
    for (let attempt = 1; ; attempt++) {
      try {
        const put = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key(path), Body: body, IfNoneMatch: '*' }));
        return { folder, path, body, etag: put.ETag, lost: false };
      } catch (error) {
        if (!isPreconditionFailed(error)) throw fail(error, `claim ${folder}`);
        if (attempt > 1 || !(await removeIfStale(path))) throw error;
      }
    }
  }

  /** True when the claim at `path` was stale and is gone now (or was released meanwhile). */
  async function removeIfStale(path: string): Promise<boolean> {
    const seen = await headWithServerTime(path);
    if (!seen) return true;
    const age = seen.now - (seen.head.LastModified?.getTime() ?? seen.now);
    if (age < staleAfterMs) return false;
    log.warn(`publish: s3://${bucket}/${key(path)} is ${Math.round(age / 1000)}s old (stale after ${Math.round(staleAfterMs / 1000)}s): a run that was killed left it; removing it and claiming again`);
    try {
      await deleteKey(path, seen.head.ETag);
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw fail(error, `remove the stale claim ${path}`);
    }
  }

  async function renew(claim: Claim): Promise<void> {
    try {
      const put = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key(claim.path), Body: claim.body, ...(claim.etag ? { IfMatch: claim.etag } : {}) }));
      claim.etag = put.ETag ?? claim.etag;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (isPreconditionFailed(error) || status === 404) {
        claim.lost = true;
        log.warn(`publish: the claim on ${claim.folder} was taken over while this run held it; it will not be committed`);
      }
      // Anything else is transient: the next renewal tries again, well within the TTL.
    }
  }

  return { claimFolder, renew, release, takeBack, abortUploadsUnder };
}
