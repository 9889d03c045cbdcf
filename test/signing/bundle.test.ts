/**
 * The model-signing format against model_signing's own artefacts
 * (test/fixtures/model-signing, from sigstore/model-transparency at commit
 * e3430730bca924e672b2e59f10524a7ffb5adf79): the signature model_signing 1.1.0
 * wrote verifies here, and what this tool writes for the same folder with the
 * same key matches it field by field. Then every kind of tampering is refused,
 * each naming the first file that differs.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ReleaseError } from '../../src/errors.js';
import { assertFolderMatches, BUNDLE_MEDIA_TYPE, parseBundle, parseStatement, PAYLOAD_TYPE, readPrivateKey, readPublicKey, signWithKey, verifyWithKey } from '../../src/signing/bundle.js';
import { comparePaths, rootDigest, statementFor, type SignedFile } from '../../src/signing/statement.js';

const FIXTURES = 'test/fixtures/model-signing';
const FOLDER = path.join(FIXTURES, 'v1.1.0-elliptic-key');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const filesOf = (dir: string): SignedFile[] => readdirSync(dir).map((name) => ({ path: name, sha256: sha256(readFileSync(path.join(dir, name))) }));

function refused(action: () => unknown, message: string): void {
  try {
    action();
    assert.unreachable(`should refuse: ${message}`);
  } catch (error) {
    assert.instance(error, ReleaseError, String(error));
    assert.is((error as ReleaseError).exitCode, 4);
    assert.match((error as Error).message, message);
  }
}

test('the signature model_signing 1.1.0 wrote verifies, and its statement matches the folder', () => {
  const bundle = parseBundle(readFileSync(path.join(FOLDER, 'model.sig'), 'utf8'), 'fixture');
  const payload = verifyWithKey(bundle, readPublicKey(readFileSync(path.join(FIXTURES, 'signing-key-pub.pem'), 'utf8'), 'the public key'), 'fixture');
  const statement = parseStatement(payload, 'fixture');
  assert.equal(statement.subject[0].name, 'v1.1.0-elliptic-key');
  assert.equal(statement.predicate.resources.map((r) => r.name), ['signme-1', 'signme-2']);
  assertFolderMatches(statement, filesOf(FOLDER), 'fixture');
});

test('what this tool writes for the same folder and key matches model_signing\'s field by field', () => {
  const reference = parseStatement(Buffer.from(parseBundle(readFileSync(path.join(FOLDER, 'model.sig'), 'utf8'), 'fixture').dsseEnvelope.payload, 'base64'), 'fixture');
  const referenceBundle = parseBundle(readFileSync(path.join(FOLDER, 'model.sig'), 'utf8'), 'fixture');
  // model_signing was told to ignore "ignore-me"; the tool never writes such a file, so leave it out here.
  const ours = statementFor('v1.1.0-elliptic-key', filesOf(FOLDER).filter((f) => f.path !== 'ignore-me' && f.path !== 'model.sig'));
  assert.is(ours._type, reference._type);
  assert.is(ours.predicateType, reference.predicateType);
  assert.equal(ours.subject, reference.subject, 'the name and the root digest');
  assert.equal(ours.predicate.resources, reference.predicate.resources);
  const { ignore_paths: ourIgnored, ...ourRest } = ours.predicate.serialization;
  const { ignore_paths: theirIgnored, ...theirRest } = reference.predicate.serialization;
  assert.equal(ourRest, theirRest);
  assert.equal([...ourIgnored!].sort(), [...theirIgnored!].filter((p) => p !== 'ignore-me').sort());
  const signed = signWithKey(ours, readPrivateKey(readFileSync(path.join(FIXTURES, 'signing-key.pem'), 'utf8'), 'the key'));
  assert.is(signed.mediaType, BUNDLE_MEDIA_TYPE);
  assert.is(signed.dsseEnvelope.payloadType, PAYLOAD_TYPE);
  assert.equal(signed.verificationMaterial, referenceBundle.verificationMaterial, 'the same key hint, no log entries');
  // And it verifies as the reference's does.
  const payload = verifyWithKey(parseBundle(JSON.stringify(signed), 'ours'), readPublicKey(readFileSync(path.join(FIXTURES, 'signing-key-pub.pem'), 'utf8'), 'k'), 'ours');
  assert.equal(parseStatement(payload, 'ours').subject, reference.subject);
});

test('root digest and order follow model_signing: sha256 over raw digests, paths compared component by component', () => {
  assert.equal(['a.txt', 'a/b', 'a-b', 'B', 'a'].sort(comparePaths), ['B', 'a', 'a/b', 'a-b', 'a.txt']);
  const digest = 'ab'.repeat(32);
  assert.is(rootDigest([{ digest }]), sha256(Buffer.from(digest, 'hex')));
});

test('tampering is refused with the first differing file named: changed, added, removed, another key, another version\'s signature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const files: SignedFile[] = [{ path: 'model.joblib', sha256: sha256('weights') }, { path: 'model-settings.json', sha256: sha256('{}') }, { path: 'release.json', sha256: sha256('{"v":1}') }];
  const bundle = signWithKey(statementFor('iris-v1', files), privateKey);
  const statement = parseStatement(verifyWithKey(bundle, publicKey, 'v1'), 'v1');
  assertFolderMatches(statement, files, 'v1');
  refused(() => assertFolderMatches(statement, files.map((f) => (f.path === 'model.joblib' ? { ...f, sha256: sha256('other') } : f)), 'v1'), 'model.joblib changed after signing');
  refused(() => assertFolderMatches(statement, [...files, { path: 'extra.py', sha256: sha256('x') }], 'v1'), 'extra.py is not in the signature');
  refused(() => assertFolderMatches(statement, files.filter((f) => f.path !== 'model-settings.json'), 'v1'), 'model-settings.json is signed but missing');
  refused(() => assertFolderMatches(statement, files.map((f) => (f.path === 'release.json' ? { ...f, sha256: sha256('{"v":2}') } : f)), 'v1'), 'release.json changed after signing');
  const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  refused(() => verifyWithKey(bundle, other.publicKey, 'v1'), 'signed with another key');
  // A signature moved from another version: valid, but for other files.
  const v2 = signWithKey(statementFor('iris-v2', files.map((f) => (f.path === 'model.joblib' ? { ...f, sha256: sha256('v2 weights') } : f))), privateKey);
  refused(() => assertFolderMatches(parseStatement(verifyWithKey(v2, publicKey, 'v1'), 'v1'), files, 'v1'), 'model.joblib changed after signing');
  // A payload swapped under a valid signature.
  const swapped = { ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: v2.dsseEnvelope.payload } };
  refused(() => verifyWithKey(swapped, publicKey, 'v1'), 'does not verify');
});

test('hostile bundles are refused with a clear error, never a crash', () => {
  for (const text of ['not json', '[]', '{"mediaType":"x"}', JSON.stringify({ mediaType: BUNDLE_MEDIA_TYPE, verificationMaterial: {}, dsseEnvelope: { payload: 1 } })]) {
    refused(() => parseBundle(text, 'hostile'), 'hostile');
  }
  for (const payload of ['{}', '[1]', JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', predicateType: 'https://model_signing/signature/v1.0', subject: [{ name: 'x', digest: { sha256: 'a' } }], predicate: { serialization: { method: 'files', hash_type: 'sha256' }, resources: [] } })]) {
    refused(() => parseStatement(Buffer.from(payload), 'hostile'), 'hostile');
  }
});

test.run();
