/**
 * A model signature as model_signing writes it (followed at commit
 * e3430730bca924e672b2e59f10524a7ffb5adf79: _signing/sign_sigstore_pb.py `pae`,
 * `Signature.read`; _signing/sign_ec_key.py `Signer.sign`, `Verifier`): a
 * Sigstore bundle v0.3 (JSON) holding a DSSE envelope whose payload is the
 * in-toto statement (statement.ts) and whose one signature is over DSSE's PAE.
 * With a key, the verification material is `publicKey.hint`, the sha256 (hex) of
 * the public key's SubjectPublicKeyInfo PEM, and there are no transparency-log
 * entries. ECDSA on P-256, P-384 or P-521 with SHA-256, SHA-384 or SHA-512 by
 * curve (`get_ec_key_hash`), the signature DER-encoded, as the `cryptography`
 * package makes it.
 *
 * Everything read here is hostile (a store's model.sig): each field is checked
 * before use, and any problem is ESIGNATURE (exit 4), never a crash.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { ReleaseError } from '../errors.js';
import { comparePaths, isIgnored, PREDICATE_TYPE, rootDigest, STATEMENT_TYPE, type SignedFile, type Statement } from './statement.js';

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface SignatureBundle {
  mediaType: string;
  verificationMaterial: { publicKey?: { hint?: string }; certificate?: { rawBytes: string }; x509CertificateChain?: unknown; tlogEntries?: unknown[] };
  dsseEnvelope: { payload: string; payloadType: string; signatures: Array<{ sig: string; keyid?: string }> };
}

/** DSSE's pre-authentication encoding: "DSSEv1 <len> <type> <len> <payload>". */
export function pae(payload: Buffer, payloadType = PAYLOAD_TYPE): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(payloadType)} ${payloadType} ${payload.length} `), payload]);
}

/** The key's hint as model_signing records it: sha256 of its SubjectPublicKeyInfo PEM. */
export function publicKeyHint(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'pem' }) as string).digest('hex');
}

/** The curves model_signing accepts, each with the hash it signs with. */
const HASH_OF_CURVE: Record<string, string> = { prime256v1: 'sha256', secp384r1: 'sha384', secp521r1: 'sha512' };

function ecKey(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== 'ec' || !HASH_OF_CURVE[key.asymmetricKeyDetails?.namedCurve ?? '']) {
    throw new ReleaseError('ESIGNKEY', `${what} is not an EC P-256, P-384 or P-521 key (got ${key.asymmetricKeyType ?? 'unknown'}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''})`);
  }
  return key;
}

const hashOf = (key: KeyObject) => HASH_OF_CURVE[key.asymmetricKeyDetails!.namedCurve!];

export function readPrivateKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    // The message names the file, never its content: it is a secret.
    throw new ReleaseError('ESIGNKEY', `${what} is not a PEM private key (encrypted keys are not supported)`);
  }
  return ecKey(key, what);
}

export function readPublicKey(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new ReleaseError('ESIGNKEY', `${what} is not a PEM public key`);
  }
  return ecKey(key, what);
}

/** The statement as the envelope's payload: JSON with two-space indents, as protobuf's MessageToJson writes it. */
export function payloadOf(statement: Statement): Buffer {
  return Buffer.from(JSON.stringify(statement, null, 2));
}

export function signWithKey(statement: Statement, privateKey: KeyObject): SignatureBundle {
  const payload = payloadOf(statement);
  const signature = sign(hashOf(privateKey), pae(payload), privateKey);
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: publicKeyHint(createPublicKey(privateKey)) }, tlogEntries: [] },
    dsseEnvelope: { payload: payload.toString('base64'), payloadType: PAYLOAD_TYPE, signatures: [{ sig: signature.toString('base64'), keyid: '' }] },
  };
}

const bad = (where: string, problem: string) => new ReleaseError('ESIGNATURE', `${where}: ${problem}; nothing was written`);
const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** A model.sig's bundle, every field this tool uses checked for its shape. */
export function parseBundle(text: string, where: string): SignatureBundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad(where, 'the signature is not JSON');
  }
  if (!isObject(value) || value.mediaType !== BUNDLE_MEDIA_TYPE) throw bad(where, `the signature is not a Sigstore bundle v0.3 (mediaType ${BUNDLE_MEDIA_TYPE})`);
  const envelope = value.dsseEnvelope;
  if (!isObject(envelope) || typeof envelope.payload !== 'string' || envelope.payloadType !== PAYLOAD_TYPE || !Array.isArray(envelope.signatures) || envelope.signatures.length !== 1
    || !isObject(envelope.signatures[0]) || typeof envelope.signatures[0].sig !== 'string') {
    throw bad(where, `the signature holds no DSSE envelope of one ${PAYLOAD_TYPE} signature`);
  }
  if (!isObject(value.verificationMaterial)) throw bad(where, 'the signature has no verification material');
  return value as unknown as SignatureBundle;
}

/** Checks the envelope's signature with a public key; returns the signed payload. */
export function verifyWithKey(bundle: SignatureBundle, publicKey: KeyObject, where: string): Buffer {
  const hint = bundle.verificationMaterial.publicKey?.hint;
  if (hint && hint !== publicKeyHint(publicKey)) throw bad(where, 'it was signed with another key (the bundle\'s key hint is not this public key\'s)');
  const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
  const signature = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
  if (!verify(hashOf(publicKey), pae(payload), publicKey, signature)) throw bad(where, 'the signature does not verify with this public key');
  return payload;
}

/** The signed statement, checked as model_signing checks it: one subject, the v1.0 predicate, a consistent root digest. */
export function parseStatement(payload: Buffer, where: string): Statement {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    throw bad(where, 'the signed payload is not JSON');
  }
  if (!isObject(value) || value._type !== STATEMENT_TYPE || value.predicateType !== PREDICATE_TYPE) throw bad(where, `the signed payload is not an in-toto statement of ${PREDICATE_TYPE}`);
  const subject = Array.isArray(value.subject) && value.subject.length === 1 && isObject(value.subject[0]) ? value.subject[0] : undefined;
  const digest = subject && isObject(subject.digest) && typeof subject.digest.sha256 === 'string' ? subject.digest.sha256 : undefined;
  if (!subject || typeof subject.name !== 'string' || !digest) throw bad(where, 'the statement does not have exactly one subject with a sha256 digest');
  const predicate = isObject(value.predicate) ? value.predicate : undefined;
  const serialization = predicate && isObject(predicate.serialization) ? predicate.serialization : undefined;
  if (!serialization || serialization.method !== 'files' || serialization.hash_type !== 'sha256') throw bad(where, 'the statement was not made by file (method "files", hash_type "sha256"), the only serialization this tool checks');
  const resources = predicate && Array.isArray(predicate.resources) ? predicate.resources : undefined;
  if (!resources || !resources.every((r) => isObject(r) && typeof r.name === 'string' && r.algorithm === 'sha256' && typeof r.digest === 'string' && /^[0-9a-f]{64}$/.test(r.digest))) {
    throw bad(where, 'the statement\'s resources are not {name, algorithm: "sha256", digest}');
  }
  if (rootDigest(resources as Array<{ digest: string }>) !== digest) throw bad(where, 'the statement is inconsistent: its resources do not hash to its subject\'s digest');
  const ignore = serialization.ignore_paths;
  if (ignore !== undefined && (!Array.isArray(ignore) || !ignore.every((p) => typeof p === 'string'))) throw bad(where, 'the statement\'s ignore_paths is not a list of paths');
  return value as unknown as Statement;
}

/**
 * The folder against the statement, as a set: every file not ignored must be
 * listed with its digest, and every listed file must be there. Throws with the
 * first mismatching file named.
 */
export function assertFolderMatches(statement: Statement, files: SignedFile[], where: string): void {
  const ignored = statement.predicate.serialization.ignore_paths ?? [];
  const signed = new Map(statement.predicate.resources.map((r) => [r.name, r.digest]));
  const present = files.filter((file) => !isIgnored(file.path, ignored)).sort((a, b) => comparePaths(a.path, b.path));
  for (const file of present) {
    const digest = signed.get(file.path);
    if (digest === undefined) throw bad(where, `${file.path} is not in the signature (added after signing)`);
    if (digest !== file.sha256) throw bad(where, `${file.path} changed after signing (signed sha256 ${digest.slice(0, 16)}..., found ${file.sha256.slice(0, 16)}...)`);
    signed.delete(file.path);
  }
  const missing = [...signed.keys()].sort(comparePaths)[0];
  if (missing !== undefined) throw bad(where, `${missing} is signed but missing`);
}
