/** s3:// prefixes that would put keys, storage URIs or promoted git paths somewhere unexpected are refused up front. */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exitCodeOf, ReleaseError } from '../../src/errors.js';
import { parseS3Url, storageUriOf } from '../../src/stores/s3.js';
import { baseEnv, cli } from '../helpers/capture.js';
import { S3_CREDENTIALS } from '../helpers/s3-server.js';

const prefix = suite('s3:// prefixes');

const refusal = (url: string): ReleaseError => {
  try {
    parseS3Url(url);
  } catch (error) {
    assert.instance(error, ReleaseError);
    return error as ReleaseError;
  }
  throw new Error(`${url} was accepted`);
};

for (const [url, problem] of [
  ['s3://models/../x', 'the component ".."'],
  ['s3://models/team/../../x', 'the component ".."'],
  ['s3://models/a//b', 'empty path component'],
  ['s3://models//a', 'empty path component'],
  ['s3://models/./a', 'the component "."'],
  ['s3://models/.git/x', '".git"'],
  ['s3://models/team/.GIT', '".git"'],
  ['s3://models/x?y#z', '"?" (read as a URL\'s query)'],
  ['s3://models/x#frag', '"#" (read as a URL\'s fragment)'],
  ['s3://models/a\\b', 'backslash'],
  ['s3://models/a\nb', 'line break'],
  ['s3://models/a\tb', '"\\t"'],
  ['s3://models/a\u0001b', '"\\u0001"'],
  ['s3://models/a%2Fb', '"%"'],
  ['s3://models/a b', '" "'],
  ['s3://models/é', '"é"'],
] as const) {
  prefix(`${JSON.stringify(url)} is refused with EUSAGE (exit 2) naming the URL and the problem`, () => {
    const error = refusal(url);
    assert.is(error.code, 'EUSAGE');
    assert.is(exitCodeOf(error), 2);
    assert.ok(error.message.includes(JSON.stringify(url).slice(1, -1)), error.message);
    assert.ok(error.details.some((d) => d.includes(problem)), `${problem} not in ${JSON.stringify(error.details)}`);
  });
}

prefix('ordinary prefixes are kept as written; one trailing "/" is dropped', () => {
  assert.equal(parseS3Url('s3://models'), { bucket: 'models', prefix: '' });
  assert.equal(parseS3Url('s3://models/'), { bucket: 'models', prefix: '' });
  assert.equal(parseS3Url('s3://models/team-a/prod_1/'), { bucket: 'models', prefix: 'team-a/prod_1' });
  assert.equal(parseS3Url("s3://my.bucket/a.b/(x)!*'"), { bucket: 'my.bucket', prefix: "a.b/(x)!*'" });
  assert.is(storageUriOf('s3://models/team/', 'models/iris-v1'), 's3://models/team/models/iris-v1');
});

prefix('every command refuses a bad prefix before it opens the store: exit 2', async () => {
  const env = baseEnv({ ...S3_CREDENTIALS, AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9', MLSERVER_RELEASE_S3_PATH_STYLE: 'true' });
  for (const argv of [
    ['list', '--repo', 's3://models/../x', '--target', 's3'],
    ['prune', '--repo', 's3://models/a//b', '--target', 's3', '--keep', '1', '--yes'],
  ]) {
    const run = await cli(argv, { env });
    assert.is(run.code, 2, run.stderr);
    assert.match(run.stderr, 'has a prefix that cannot be used');
  }
});

prefix.run();
