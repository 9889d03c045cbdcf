/**
 * Keyless signing end to end against the Sigstore stand-in
 * (test/helpers/sigstore-standin.ts: the Sigstore project's mock Fulcio and
 * Rekor over real HTTP): GitLab's id_tokens token and GitHub's token request
 * each give a bundle with a Fulcio certificate and a Rekor v1 `dsse` entry;
 * promote verifies it against the trusted root and the pinned identity and
 * issuer (exactly or as /regexp/); the token never shows.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { baseEnv, cli } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { listFiles, newBareRepo } from '../helpers/git-repos.js';
import { closeServer, listenOnLoopback } from '../helpers/loopback.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';
import { oidcTokenFor, startSigstore, type SigstoreStandIn } from '../helpers/sigstore-standin.js';

const GITLAB_IDENTITY = 'https://gitlab.com/acme/models//.gitlab-ci.yml@refs/tags/v1';
const GITHUB_IDENTITY = 'https://github.com/acme/models/.github/workflows/release.yml@refs/tags/v1';

const keyless = suite<{ sigstore: SigstoreStandIn; root: string }>('keyless signing (Sigstore stand-in)');
keyless.before(async (ctx) => {
  ctx.sigstore = await startSigstore();
  ctx.root = path.join(tempDir('mlsr-trust-'), 'trusted_root.json');
  writeFileSync(ctx.root, JSON.stringify(ctx.sigstore.trustedRoot));
});
keyless.after(async (ctx) => {
  await ctx.sigstore.stop();
  removeTempDirs();
});

async function publishSigned(ctx: { sigstore: SigstoreStandIn }, env: Record<string, string>) {
  const volume = tempDir('mlsr-volume-');
  const project = createModelProject();
  writeArtifact(project, 'weights');
  const run = await cli(['publish', '--model-dir', project.dir, '--repo', volume, '--target', 'folder', '--version', 'v1', '--sign', '--fulcio-url', ctx.sigstore.url, '--rekor-url', ctx.sigstore.url], {
    env: baseEnv({ MLSERVER_RELEASE_CHECK_LOAD: 'never', ...env }),
  });
  return { run, volume };
}

keyless('GitLab: the id_tokens token signs; the bundle carries a certificate and a Rekor v1 dsse entry; promote verifies identity and issuer', async (ctx) => {
  const token = oidcTokenFor({ sub: GITLAB_IDENTITY, iss: 'https://gitlab.com' });
  const { run, volume } = await publishSigned(ctx, { SIGSTORE_ID_TOKEN: token });
  assert.is(run.code, 0, run.stderr);
  assert.not.match(run.stdout + run.stderr, token.split('.')[1]);
  const bundle = JSON.parse(readFileSync(path.join(volume, 'models/tiny-v1/model.sig'), 'utf8'));
  assert.is(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
  assert.ok(bundle.verificationMaterial.certificate?.rawBytes, 'a single Fulcio certificate');
  assert.equal(bundle.verificationMaterial.tlogEntries[0].kindVersion, { kind: 'dsse', version: '0.0.1' });
  assert.is(bundle.dsseEnvelope.payloadType, 'application/vnd.in-toto+json');
  assert.ok(ctx.sigstore.requests.includes('/api/v2/signingCert') && ctx.sigstore.requests.includes('/api/v1/log/entries'));
  const listed = await cli(['list', '--repo', volume, '--target', 'folder', '--json'], { env: baseEnv() });
  assert.is(JSON.parse(listed.stdout).models[0].versions[0].signedBy, GITLAB_IDENTITY, 'list names the keyless signer');

  const promote = (identity: string, issuer: string, root = ctx.root) => cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', volume, '--from-target', 'folder', '--to', newBareRepo(),
    '--require-signature', '--signer-identity', identity, '--signer-issuer', issuer, '--trusted-root', root], { env: baseEnv() });
  const exact = await promote(GITLAB_IDENTITY, 'https://gitlab.com');
  assert.is(exact.code, 0, exact.stderr);
  const pattern = await promote('/^https:\\/\\/gitlab\\.com\\/acme\\/models\\/\\/.*@refs\\/tags\\/v.*$/', 'https://gitlab.com');
  assert.is(pattern.code, 0, pattern.stderr);
  const badPattern = await promote('/(unclosed/', 'https://gitlab.com');
  assert.is(badPattern.code, 2, badPattern.stderr);
  assert.match(badPattern.stderr, 'is not a valid /regexp/');
  const someoneElse = await promote('https://gitlab.com/evil/fork//.gitlab-ci.yml@refs/heads/main', 'https://gitlab.com');
  assert.is(someoneElse.code, 4, someoneElse.stderr);
  assert.match(someoneElse.stderr, `it was signed by ${GITLAB_IDENTITY}`);
  const otherIssuer = await promote(GITLAB_IDENTITY, 'https://token.actions.githubusercontent.com');
  assert.is(otherIssuer.code, 4);
  // A signature from another Sigstore (another CA and log) does not chain to this trusted root.
  const other = await startSigstore();
  const otherRoot = path.join(tempDir(), 'other_root.json');
  writeFileSync(otherRoot, JSON.stringify(other.trustedRoot));
  await other.stop();
  const untrusted = await promote(GITLAB_IDENTITY, 'https://gitlab.com', otherRoot);
  assert.is(untrusted.code, 4, untrusted.stderr);
  assert.match(untrusted.stderr, 'does not verify against the trusted root');
});

keyless('GitHub: the token is requested for the audience sigstore with the runner\'s bearer, and neither shows', async (ctx) => {
  const bearer = 'runner-bearer-SECRET-123';
  const token = oidcTokenFor({ sub: GITHUB_IDENTITY, iss: 'https://token.actions.githubusercontent.com' });
  const seen: string[] = [];
  // STAND-IN for the runner's token service (ACTIONS_ID_TOKEN_REQUEST_URL), as GitHub documents it: GET with the bearer, ?audience=..., {"value": token}.
  const service = http.createServer((req, res) => {
    seen.push(`${req.headers.authorization} ${new URL(req.url ?? '/', 'http://x').searchParams.get('audience')}`);
    res.writeHead(req.headers.authorization === `Bearer ${bearer}` ? 200 : 401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ value: token }));
  });
  const url = await listenOnLoopback(service);
  try {
    const { run, volume } = await publishSigned(ctx, { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer });
    assert.is(run.code, 0, run.stderr);
    assert.equal(seen, [`Bearer ${bearer} sigstore`]);
    assert.not.match(run.stdout + run.stderr, bearer);
    assert.not.match(run.stdout + run.stderr, token.split('.')[1]);
    const production = newBareRepo();
    const promoted = await cli(['promote', '--model', 'tiny', '--version', 'v1', '--from', volume, '--from-target', 'folder', '--to', production,
      '--require-signature', '--signer-identity', GITHUB_IDENTITY, '--signer-issuer', 'https://token.actions.githubusercontent.com', '--trusted-root', ctx.root], { env: baseEnv() });
    assert.is(promoted.code, 0, promoted.stderr);
    assert.ok(listFiles(production).includes('models/tiny-v1/model.sig'));
  } finally {
    await closeServer(service);
  }
});

keyless.run();
