/**
 * verify-signature: a published version's model.sig checked where it is stored
 * (any store): every file streamed and hashed, against its release.json and its
 * signature, signed by the pinned key or keyless identity. Exit 4 names the first
 * file that differs; nothing is written anywhere.
 */
import { ReleaseError } from '../errors.js';
import { findVersion, groupByModel, versionsIn } from '../inventory.js';
import { silentLogger } from '../log.js';
import type { OptionsOf } from '../options.js';
import { normalizeModelsPath } from '../publish/layout.js';
import type { SignatureCheck } from '../results.js';
import { publicKeyHint } from '../signing/bundle.js';
import { assertStoredVersionSigned, readSignaturePolicy } from '../signing/sign.js';
import { openStore } from '../stores/resolve.js';
import type { VerbRuntime } from './types.js';

export async function verifySignature(options: OptionsOf<'verify-signature'>, runtime: VerbRuntime = {}): Promise<SignatureCheck> {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  if (!options.model || !options.version) throw new ReleaseError('EUSAGE', 'verify-signature needs --model and --version: the published version to check');
  const policy = await readSignaturePolicy({ ...options, requireSignature: true }, cwd);
  const modelsPath = normalizeModelsPath(options.modelsPath ?? 'models');
  const networkTimeoutMs = options.networkTimeout === undefined ? undefined : options.networkTimeout * 1000;
  const { store } = await openStore(options, { modelsPath, networkTimeoutMs }, { env, cwd, log, backoff: runtime.backoff });
  const snapshot = await store.snapshot(options.branch, { model: options.model });
  const found = await findVersion(snapshot, options.model, options.version);
  if (!found) {
    const have = (groupByModel(await versionsIn(snapshot, options.model), options.model)[0]?.versions ?? []).map((v) => v.version).reverse();
    throw new ReleaseError('ENOSUCHVERSION', `${store.location} has no ${options.model} ${options.version} (it has: ${have.join(', ') || 'no versions of this model'})`);
  }
  await assertStoredVersionSigned(store, found.folder, options.branch, policy!, log);
  const signedBy = policy!.mode === 'key' ? `key sha256:${publicKeyHint(policy!.key)}` : policy!.identity;
  return { model: options.model, version: options.version, folder: found.folder, repo: store.location, signedBy };
}
