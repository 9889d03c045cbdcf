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
import { DEFAULT_FULCIO_URL, DEFAULT_REKOR_URL, oidcAvailable, oidcToken, signKeyless, verifyKeyless, type KeylessPolicy } from './keyless.js';
import { assertMatchesRecord } from '../publish/integrity.js';
import { downloadFolder, recordText, type DownloadedFile } from '../stores/download.js';
import type { ModelStore } from '../stores/types.js';

export type SigningPlan =
  | { mode: 'key'; key: KeyObject; /** sha256 of the public key, as the bundle records it. */ keyHint: string }
  | { mode: 'keyless'; fulcio: string; rekor: string };

async function readKeyFile(file: string, cwd: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new ReleaseError('ESIGNKEY', `${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Checked before the notebook runs: with --signing-key, the key is read and must
 * sign; without one, keyless signing needs the CI's OIDC token; neither is exit 2.
 */
export async function planSigning(options: { sign?: boolean; signingKey?: string; fulcioUrl?: string; rekorUrl?: string }, env: Env, cwd: string, log: Logger): Promise<SigningPlan | undefined> {
  if (!options.sign) {
    if (options.signingKey) throw new ReleaseError('EUSAGE', '--signing-key is for --sign: pass both to sign the version');
    return undefined;
  }
  if (!options.signingKey) {
    if (!oidcAvailable(env)) {
      throw new ReleaseError('ESIGNKEY', '--sign has no way to sign: pass --signing-key FILE (an EC P-256 private key in PEM), or run keyless where the CI hands out an OIDC token');
    }
    const urls = { fulcio: options.fulcioUrl ?? DEFAULT_FULCIO_URL, rekor: options.rekorUrl ?? DEFAULT_REKOR_URL };
    for (const [flag, url] of [['--fulcio-url', urls.fulcio], ['--rekor-url', urls.rekor]]) {
      if (!/^https?:\/\/[^/@\s]+(\/|$)/.test(url)) throw new ReleaseError('EUSAGE', `${flag} must be an http(s) URL without credentials, got "${url}"`);
    }
    return { mode: 'keyless', ...urls };
  }
  const pem = await readKeyFile(options.signingKey, cwd, '--signing-key');
  // The key is a secret from the moment it is read: whole, and line by line.
  log.redactor.add(pem.trim());
  for (const line of pem.split('\n')) if (line.trim().length >= 16 && !line.startsWith('-----')) log.redactor.add(line.trim());
  const key = readPrivateKey(pem, `--signing-key ${options.signingKey}`);
  return { mode: 'key', key, keyHint: publicKeyHint(createPublicKey(key)) };
}

/** model.sig for a version folder named `name` holding `files` (model.sig itself is left out by the format). */
export async function signatureFor(plan: SigningPlan, name: string, files: SignedFile[], env: Env, log: Logger): Promise<string> {
  const statement = statementFor(name, files);
  if (plan.mode === 'key') return JSON.stringify(signWithKey(statement, plan.key), null, 2) + '\n';
  return signKeyless(statement, await oidcToken(env, log), plan);
}

export function describeSigner(plan: SigningPlan): string {
  return plan.mode === 'key' ? `the key sha256:${plan.keyHint.slice(0, 16)}...` : `this CI's OIDC identity (keyless, Fulcio ${plan.fulcio}, Rekor ${plan.rekor})`;
}

/** Who a version must be signed by: a public key, or a keyless identity and issuer under a trusted root. */
export type SignaturePolicy = { mode: 'key'; key: KeyObject } | ({ mode: 'keyless' } & KeylessPolicy);

export async function readSignaturePolicy(options: { requireSignature?: boolean; publicKey?: string; signerIdentity?: string; signerIssuer?: string; trustedRoot?: string }, cwd: string): Promise<SignaturePolicy | undefined> {
  const keyless = [options.signerIdentity, options.signerIssuer, options.trustedRoot];
  if (!options.requireSignature) {
    if (options.publicKey || keyless.some(Boolean)) throw new ReleaseError('EUSAGE', '--public-key, --signer-identity, --signer-issuer and --trusted-root are for --require-signature: pass it too');
    return undefined;
  }
  if (options.publicKey) return { mode: 'key', key: await readVerifyingKey(options.publicKey, cwd) };
  if (keyless.every(Boolean)) {
    // A /regexp/ pin that does not compile is a usage error now, not a crash at verification.
    for (const [flag, value] of [['--signer-identity', options.signerIdentity!], ['--signer-issuer', options.signerIssuer!]]) {
      const pattern = /^\/(.*)\/$/s.exec(value);
      if (!pattern) continue;
      try {
        new RegExp(pattern[1]);
      } catch (error) {
        throw new ReleaseError('EUSAGE', `${flag} ${value} is not a valid /regexp/: ${(error as Error).message}`);
      }
    }
    let trustedRoot: unknown;
    try {
      trustedRoot = JSON.parse(await readKeyFile(options.trustedRoot!, cwd, '--trusted-root'));
    } catch (error) {
      if (error instanceof ReleaseError) throw error;
      throw new ReleaseError('EUSAGE', `--trusted-root ${options.trustedRoot} is not JSON (a Sigstore trusted_root.json)`);
    }
    return { mode: 'keyless', identity: options.signerIdentity!, issuer: options.signerIssuer!, trustedRoot };
  }
  throw new ReleaseError('EUSAGE', '--require-signature needs who must have signed: --public-key FILE, or --signer-identity, --signer-issuer and --trusted-root for a keyless signature');
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
export function assertSignedBy(policy: SignaturePolicy, signatureText: string | undefined, files: SignedFile[], where: string): void {
  if (signatureText === undefined) throw new ReleaseError('ESIGNATURE', `${where} is not signed (no ${SIGNATURE_FILE}); nothing was written`);
  const bundle = parseBundle(signatureText, where);
  const payload = policy.mode === 'key' ? verifyWithKey(bundle, policy.key, where) : verifyKeyless(JSON.parse(signatureText), policy, where);
  const statement = parseStatement(payload, where);
  assertFolderMatches(statement, files.filter((file) => file.path !== SIGNATURE_FILE), where);
}

/**
 * A published version checked where it is stored, before a verb builds on it:
 * every file streamed and hashed, against its release.json and against its
 * model.sig signed by `key`. Nothing is kept.
 */
export async function assertStoredVersionSigned(store: ModelStore, folder: string, branch: string | undefined, policy: SignaturePolicy, log: Logger): Promise<void> {
  const where = `${store.location} ${folder}`;
  const downloaded = await downloadFolder(store, folder, branch, log);
  try {
    assertMatchesRecord(downloaded.files, await recordText(downloaded), where, log);
    await assertDownloadedSigned(downloaded.files, policy, where, log);
  } finally {
    await downloaded.remove();
  }
}

/** A folder already on disk (downloaded and hashed) against its model.sig: the one check promote, rollout and verify-signature share. */
export async function assertDownloadedSigned(files: DownloadedFile[], policy: SignaturePolicy, where: string, log: Logger): Promise<void> {
  const signature = files.find((file) => file.path === SIGNATURE_FILE);
  if (signature && signature.bytes > SIGNATURE_LIMIT_BYTES) throw new ReleaseError('ESIGNATURE', `${where}/${SIGNATURE_FILE} is ${signature.bytes} bytes, not a signature; nothing was written`);
  assertSignedBy(policy, signature ? await readFile(signature.source, 'utf8') : undefined, files, where);
  log.info(`signature: ${where}/${SIGNATURE_FILE} verifies (${policy.mode === 'key' ? 'the public key' : `signed by ${policy.identity}`}), and covers exactly its files`);
}

/** A signature is a few KiB; a store's file is hostile, so a larger one is never read whole. */
export const SIGNATURE_LIMIT_BYTES = 1024 * 1024;
