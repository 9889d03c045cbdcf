/**
 * Signing a version and checking a signature, for the verbs: release/publish
 * `--sign --signing-key FILE` write model.sig; promote and rollout
 * `--require-signature --public-key FILE` refuse what it does not cover.
 *
 * What is signed: every file of the version folder but model.sig itself, and
 * release.json included, so a signature covers the record too. The key's content
 * is a secret: it is learnt by the redactor as soon as it is read, and its
 * option's env name never reaches the notebook (options.ts marks it secret).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { assertFolderMatches, parseBundle, parseStatement, publicKeyHint, readPrivateKey, readPublicKey, signWithKey, verifyWithKey } from './bundle.js';
import { SIGNATURE_FILE, statementFor, type SignedFile } from './statement.js';
import { assertMatchesRecord } from '../publish/integrity.js';
import { downloadFolder, recordText } from '../stores/download.js';
import type { ModelStore } from '../stores/types.js';

export interface SigningPlan {
  key: KeyObject;
  /** sha256 of the public key, as the bundle records it (for messages and results). */
  keyHint: string;
}

/** Where a CI hands out an OIDC token for keyless signing. */
function oidcAvailable(env: Env): boolean {
  return Boolean(env.SIGSTORE_ID_TOKEN || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN));
}

async function readKeyFile(file: string, cwd: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ReleaseError('ESIGNKEY', `${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Checked before the notebook runs: --sign without a key is exit 2, and so is a key that cannot sign. */
export async function planSigning(options: { sign?: boolean; signingKey?: string }, env: Env, cwd: string, log: Logger): Promise<SigningPlan | undefined> {
  if (!options.sign) {
    if (options.signingKey) throw new ReleaseError('EUSAGE', '--signing-key is for --sign: pass both to sign the version');
    return undefined;
  }
  if (!options.signingKey) {
    throw new ReleaseError('ESIGNKEY', oidcAvailable(env)
      ? '--sign needs --signing-key FILE: keyless signing with this CI\'s OIDC token (Sigstore) is not in this version of the tool'
      : '--sign needs --signing-key FILE (an EC P-256 private key in PEM)');
  }
  const pem = await readKeyFile(options.signingKey, cwd, '--signing-key');
  // The key is a secret from the moment it is read: whole, and line by line.
  log.redactor.add(pem.trim());
  for (const line of pem.split('\n')) if (line.trim().length >= 16 && !line.startsWith('-----')) log.redactor.add(line.trim());
  const key = readPrivateKey(pem, `--signing-key ${options.signingKey}`);
  return { key, keyHint: publicKeyHint(createPublicKey(key)) };
}

/** model.sig for a version folder named `name` holding `files` (model.sig itself is left out by the format). */
export function signatureFor(plan: SigningPlan, name: string, files: SignedFile[]): string {
  return JSON.stringify(signWithKey(statementFor(name, files), plan.key), null, 2) + '\n';
}

export async function readVerifyingKey(file: string | undefined, cwd: string): Promise<KeyObject> {
  if (!file) throw new ReleaseError('EUSAGE', '--require-signature needs --public-key FILE (the EC public key, in PEM, the version must be signed with)');
  return readPublicKey(await readKeyFile(file, cwd, '--public-key'), `--public-key ${file}`);
}

/**
 * Checks a folder's files (path and sha256, model.sig's text read apart) against
 * its model.sig: signed by this key, and exactly these files. Exit 4 otherwise,
 * with the first mismatching file named.
 */
export function assertSignedBy(key: KeyObject, signatureText: string | undefined, files: SignedFile[], where: string): void {
  if (signatureText === undefined) throw new ReleaseError('ESIGNATURE', `${where} is not signed (no ${SIGNATURE_FILE}); nothing was written`);
  const bundle = parseBundle(signatureText, where);
  const statement = parseStatement(verifyWithKey(bundle, key, where), where);
  assertFolderMatches(statement, files.filter((file) => file.path !== SIGNATURE_FILE), where);
}

/**
 * A published version checked where it is stored, before a verb builds on it:
 * every file streamed and hashed, against its release.json and against its
 * model.sig signed by `key`. Nothing is kept.
 */
export async function assertStoredVersionSigned(store: ModelStore, folder: string, branch: string | undefined, key: KeyObject, log: Logger): Promise<void> {
  const where = `${store.location} ${folder}`;
  const downloaded = await downloadFolder(store, folder, branch, log);
  try {
    assertMatchesRecord(downloaded.files, await recordText(downloaded), where, log);
    const signature = downloaded.files.find((file) => file.path === SIGNATURE_FILE);
    if (signature && signature.bytes > SIGNATURE_LIMIT_BYTES) throw new ReleaseError('ESIGNATURE', `${where}/${SIGNATURE_FILE} is ${signature.bytes} bytes, not a signature; nothing was written`);
    assertSignedBy(key, signature ? await readFile(signature.source, 'utf8') : undefined, downloaded.files, where);
    log.info(`signature: ${where}/${SIGNATURE_FILE} verifies with the public key, and covers exactly its files`);
  } finally {
    await downloaded.remove();
  }
}

/** A signature is a few KiB; a store's file is hostile, so a larger one is never read whole. */
export const SIGNATURE_LIMIT_BYTES = 1024 * 1024;
