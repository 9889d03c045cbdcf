#!/usr/bin/env zx
// Releases the example model (examples/classificador-produtos) with the library API,
// the way a zx script on a GitLab runner or a laptop would. The MLServer model
// repository is a real bare git repo, created on first use in .mlserver-repo/.
//
//   npx zx scripts/release.mjs                  the course's story: v1.0.0, then v1.0.1 (the unidecode fix)
//   npx zx scripts/release.mjs --version v1.1.0 [--repo PATH|URL]   one release
import { fileURLToPath } from 'node:url';
import { Logger, release } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelDir = path.join(root, 'examples/classificador-produtos');
const repo = argv.repo ?? path.join(root, '.mlserver-repo/mlserver.git');
// v1.0.0 predates the fix: the notebook's `normalizar_acentos=False` replays it.
const steps = argv.version
  ? [{ version: String(argv.version) }]
  : [{ version: 'v1.0.0', params: ['normalizar_acentos=False'] }, { version: 'v1.0.1', noRegression: ['accuracy'] }];

if (!argv.repo && !fs.existsSync(repo)) {
  echo(chalk.bold(`Creating the local MLServer model repository ${path.relative(root, repo)}`));
  await $`git init --quiet --bare -b main ${repo}`;
}

const log = new Logger({ stream: process.stderr });
let result;
for (const step of steps) {
  try {
    result = await release({ modelDir, repo, ...step }, { log, cwd: root });
  } catch (error) {
    echo(chalk.red(error.message));
    for (const detail of error.details ?? []) echo(`  - ${detail}`);
    process.exit(error.exitCode ?? 1);
  }
  echo('');
  echo(chalk.bold(result.alreadyPublished ? `${result.model} ${result.version} was already published` : `Released ${result.model} ${result.version}`));
  echo(`commit ${result.commit} on ${result.branch}; executed notebook: ${path.relative(root, result.executedNotebook)}`);
  for (const row of result.comparison ?? []) echo(`  ${row.metric.padEnd(9)} ${String(row.baseline ?? '—').padEnd(7)} → ${String(row.current).padEnd(7)} ${row.change}`);
}

echo('');
echo(chalk.bold('The model repository now holds:'));
if (fs.existsSync(repo)) echo((await $`git -C ${repo} ls-tree -r --name-only ${result.branch}`).stdout.trim());
echo('');
echo(chalk.bold('Serve it with MLServer (pip install mlserver mlserver-sklearn unidecode), then try the request:'));
echo(`  git clone ${repo} served-models && mlserver start served-models`);
echo(`  curl -s -X POST http://localhost:8080${result.endpoint} \\`);
echo(`    -H 'Content-Type: application/json' -d @${path.relative(root, path.join(modelDir, 'inference-request.json'))}`);
