/**
 * A publish to object storage as its own process, for the interrupt tests
 * (test/stores/s3-claims.test.ts): installs the CLI's interrupt handling, then
 * publishes one version folder through s3Store. Input is one JSON argument:
 * { url, endpoint, env, folder, artifact, partSize }.
 */
import { exitCleanlyOnInterrupt } from '../../src/interrupts.js';
import { Logger } from '../../src/log.js';
import { s3Store } from '../../src/stores/s3.js';
import { publishFolder } from './s3-publish.js';

const input = JSON.parse(process.argv[2]) as { url: string; endpoint: string; env: Record<string, string>; folder: string; artifact: string; partSize: number };
exitCleanlyOnInterrupt((line) => process.stderr.write(`${line}\n`));
const store = s3Store({
  url: input.url, endpoint: input.endpoint, pathStyle: true, env: input.env, modelsPath: 'models', log: new Logger(),
  partSize: input.partSize, queueSize: 1,
});
publishFolder(store, input.folder, input.artifact).then(
  (applied) => process.stdout.write(`${JSON.stringify({ changed: applied.changed })}\n`),
  (error) => {
    process.stderr.write(`${error}\n`);
    process.exitCode = 1;
  },
);
