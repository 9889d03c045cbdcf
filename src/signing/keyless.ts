/**
 * Keyless signing and its check, through Sigstore's own packages for Node 20
 * (@sigstore/sign 4 and @sigstore/verify 3): the CI's OIDC token gets a
 * short-lived certificate from Fulcio for a key made for this one signature, the
 * DSSE envelope is recorded in Rekor as a v1 `dsse` entry (the kind current
 * verifiers, model_signing's included, accept), and the bundle v0.3 carries the
 * certificate and the log entry. The token is a secret: learnt by the redactor
 * before any request, and its variables never reach the notebook.
 *
 * Verifying needs the trusted root (Fulcio's CA, Rekor's key) as a file: the
 * check is offline and pinned, the same in CI and in an air-gapped site.
 */
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Env } from '../process.js';
import { PAYLOAD_TYPE, payloadOf } from './bundle.js';
import type { Statement } from './statement.js';

export const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';

/** Where a CI hands out an OIDC token for Sigstore: GitLab's id_tokens variable, or GitHub's token request. */
export function oidcAvailable(env: Env): boolean {
  return Boolean(env.SIGSTORE_ID_TOKEN || (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN));
}

/**
 * The token, fetched when it is needed (GitHub's expire within minutes, so after
 * the notebook, not before): GitLab's SIGSTORE_ID_TOKEN, or GitHub's token for
 * the audience "sigstore" (permissions: id-token: write).
 */
export async function oidcToken(env: Env, log: Logger, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (env.SIGSTORE_ID_TOKEN) {
    log.redactor.add(env.SIGSTORE_ID_TOKEN);
    return env.SIGSTORE_ID_TOKEN;
  }
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ReleaseError('ESIGNKEY', 'No OIDC token for keyless signing: GitHub needs permissions id-token: write; GitLab needs id_tokens SIGSTORE_ID_TOKEN with aud: sigstore');
  log.redactor.add(bearer);
  const request = new URL(url);
  request.searchParams.set('audience', 'sigstore');
  let answer: Response;
  try {
    answer = await fetchImpl(request, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' }, redirect: 'error' });
  } catch (error) {
    throw new ReleaseError('EUNREACHABLE', `GitHub's OIDC token service did not answer: ${(error as Error).message}`);
  }
  const body = (await answer.json().catch(() => undefined)) as { value?: unknown } | undefined;
  if (!answer.ok || typeof body?.value !== 'string') throw new ReleaseError('EAUTH', `GitHub's OIDC token service answered HTTP ${answer.status} without a token`);
  log.redactor.add(body.value);
  return body.value;
}

export async function signKeyless(statement: Statement, token: string, urls: { fulcio: string; rekor: string }): Promise<string> {
  const signer = new FulcioSigner({ fulcioBaseURL: urls.fulcio, identityProvider: { getToken: async () => token } });
  const witness = new RekorWitness({ rekorBaseURL: urls.rekor, entryType: 'dsse' });
  const builder = new DSSEBundleBuilder({ signer, witnesses: [witness] });
  let bundle;
  try {
    bundle = await builder.create({ data: payloadOf(statement), type: PAYLOAD_TYPE });
  } catch (error) {
    throw new ReleaseError('EUNREACHABLE', `Keyless signing failed (Fulcio ${urls.fulcio}, Rekor ${urls.rekor}): ${(error as Error).message}`);
  }
  return JSON.stringify(bundleToJSON(bundle), null, 2) + '\n';
}

/** An identity given as /regexp/ matches by pattern; otherwise exactly. */
function matches(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const pattern = /^\/(.*)\/$/s.exec(expected);
  return pattern ? new RegExp(pattern[1]).test(actual) : expected === actual;
}

export interface KeylessPolicy {
  identity: string;
  issuer: string;
  /** A Sigstore trusted_root.json. */
  trustedRoot: unknown;
}

/**
 * Checks a keyless bundle: the certificate chains to the trusted root's Fulcio,
 * the Rekor entry is signed by its log, the envelope's signature is the
 * certificate's, and the certificate names the expected signer and issuer.
 * Returns the signed payload.
 */
export function verifyKeyless(bundleJson: unknown, policy: KeylessPolicy, where: string): Buffer {
  const bad = (problem: string) => new ReleaseError('ESIGNATURE', `${where}: ${problem}; nothing was written`);
  let signer;
  let payload: Buffer;
  try {
    const bundle = bundleFromJSON(bundleJson);
    if (bundle.content.$case !== 'dsseEnvelope') throw new Error('the bundle holds no DSSE envelope');
    payload = Buffer.from(bundle.content.dsseEnvelope.payload);
    const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(policy.trustedRoot)), { tlogThreshold: 1, ctlogThreshold: 0 });
    signer = verifier.verify(toSignedEntity(bundle));
  } catch (error) {
    throw bad(`the keyless signature does not verify against the trusted root (${(error as Error).message})`);
  }
  const identity = signer.identity?.subjectAlternativeName;
  const issuer = signer.identity?.extensions?.issuer;
  if (!matches(policy.identity, identity)) throw bad(`it was signed by ${identity ?? 'no identity'}, not ${policy.identity}`);
  if (!matches(policy.issuer, issuer)) throw bad(`its signer's issuer is ${issuer ?? 'not named'}, not ${policy.issuer}`);
  return payload;
}
