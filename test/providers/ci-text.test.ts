/**
 * The CI escaper: what GitHub's runner and GitLab read in our output. The runner
 * is emulated from its source (actions/runner src/Runner.Common/ActionCommand.cs):
 * lines split at \n and \r, leading whitespace trimmed, `::name ...::data` at the
 * start of a line, `##[name ...]data` anywhere in it, command names ignoring case.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flatten } from '../../src/metrics/collect.js';
import { comparisonRows, comparisonTable } from '../../src/metrics/gate.js';
import { DOTENV_SIZE_LIMIT, DOTENV_VARIABLE_LIMIT, dotenvReport, logText, markdownCode, markdownText, oneLine } from '../../src/providers/ci-text.js';
import { Logger } from '../../src/log.js';
import { reportMarkdown, resultOutputs } from '../../src/summary.js';
import type { ReleaseResult } from '../../src/commands/release.js';
import { baseEnv, Capture, cli, spawnNode } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { newBareRepo } from '../helpers/git-repos.js';
import { createModelProject, writeArtifact } from '../helpers/model-project.js';

/** The runner's registered commands (ActionCommandManager and its extensions). */
const COMMANDS = ['stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher', 'debug', 'notice', 'warning', 'error', 'group', 'endgroup', 'echo', 'internal-set-repo-path'];
/** .NET char.IsWhiteSpace, which TrimStart uses. */
const DOTNET_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

interface Command { name: string; data: string; line: string }

/** Every line of `output` the runner would run as a command. */
function runnerCommands(output: string): Command[] {
  const found: Command[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(DOTNET_SPACE, '');
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      if (end >= 0) {
        const info = trimmed.slice(2, end);
        const name = info.split(' ')[0].toLowerCase();
        if (COMMANDS.includes(name)) {
          found.push({ name, data: trimmed.slice(end + 2), line });
          continue;
        }
      }
    }
    const prefix = line.indexOf('##[');
    if (prefix >= 0) {
      const close = line.indexOf(']', prefix);
      if (close >= 0) {
        const name = line.slice(prefix + 3, close).split(' ')[0].toLowerCase();
        if (COMMANDS.includes(name)) found.push({ name, data: line.slice(close + 1), line });
      }
    }
  }
  return found;
}

const HOSTILE = [
  'x\n::error::pwned',
  'x\r::warning::pwned',
  '  ::add-mask::pwned',
  '\u00a0\u3000::stop-commands::pwned',
  '::ERROR file=a::pwned',
  'text ##[set-output name=out]pwned',
  'x\n##[error]pwned',
  'a\u001b[0Ksection_end:1:release_summary\r\u001b[0Kpwned',
  'a|b\n| injected | row |',
  '<img src=x onerror=alert(1)>`code`',
];

const unit = suite('the escaper');

unit('no hostile text becomes a runner command once it is a log line, a text cell or a Logger message', () => {
  for (const text of HOSTILE) {
    assert.equal(runnerCommands(text).length > 0 || text.includes('|') || text.includes('<') || text.includes('section_'), true, `the fixture ${JSON.stringify(text)} is hostile`);
    assert.equal(runnerCommands(logText(text)), [], JSON.stringify(text));
    assert.equal(runnerCommands(oneLine(text)), [], JSON.stringify(text));
    assert.not.match(logText(text), /[\r\u0000-\u0008\u000b-\u001a\u001c-\u001f]/, 'no raw control character but newline and tab');
    assert.not.match(oneLine(text), '\n');
    assert.not.match(logText(text), /section_(start|end):/, 'no GitLab section marker');
  }
  const stream = new Capture();
  const log = new Logger({ stream });
  for (const text of HOSTILE) {
    log.info(text);
    log.warn(text, { file: text });
    log.error(text);
  }
  assert.equal(runnerCommands(stream.text), []);
  assert.match(logText('plain ::text:: stays'), 'plain ::text:: stays', 'colons inside a line are left alone');
  assert.match(logText('\u001b[31mred\u001b[0m'), '\u001b[31mred\u001b[0m', 'colours are kept');
});

unit('the GitLab log style: a title or message cannot open or close a section', async () => {
  const { gitlabLogStyle } = await import('../../src/providers/gitlab.js');
  const stream = new Capture();
  const log = new Logger({ stream, style: gitlabLogStyle });
  await log.group('a\r\u001b[0Ksection_end:1:x\r\u001b[0K', async () => {
    log.info('b\u001b[0Ksection_start:1:evil[collapsed=true]\r\u001b[0Khidden');
    log.warn('c\nsection_end:1:x\r\u001b[0K');
  });
  const markers = stream.text.match(/section_(?:start|end):\d+:[a-zA-Z0-9_.-]+(?:\[[^\]]*\])?\r\u001b\[0K/g) ?? [];
  assert.is(markers.length, 2, `only our own start and end: ${JSON.stringify(stream.text)}`);
});

unit('Markdown: a hostile metric keeps one row per metric, and no HTML or code span escapes', () => {
  const metrics = { 'x\n::error::pwned': 0.9, 'a|b\n| injected | row |': 1, '<img src=x onerror=alert(1)>': 'v|`x`\n<b>', accuracy: 0.8 };
  const rows = comparisonRows(metrics, undefined);
  const table = comparisonTable(rows, 'v0\n| evil |', 'v1', new Map(), 'markdown').trimEnd().split('\n');
  assert.is(table.length, 2 + Object.keys(metrics).length, table.join('\n'));
  for (const line of table) {
    assert.is(line.replace(/\\\|/g, '').split('|').length - 2, 4, `four cells: ${line}`);
    assert.not.match(line, /<(?!\/?code>)/, 'no tag');
  }
  const text = comparisonTable(rows, undefined, 'v1', new Map(), 'text').trimEnd().split('\n');
  assert.is(text.length, 1 + Object.keys(metrics).length);
  assert.equal(runnerCommands(text.join('\n')), []);
  const md = reportMarkdown({ rows, figures: [], notes: ['note with\n| a | row |'] }, 'v1', () => undefined);
  assert.is(md.split('\n').filter((l) => l.startsWith('|')).length, 2 + Object.keys(metrics).length);
  assert.is(markdownCode('models/tiny-v1/'), '`models/tiny-v1/`', 'plain values keep their code span');
  assert.is(markdownCode('a`b|c'), '<code>a&#96;b&#124;c</code>');
  assert.is(markdownText('a_b *c* [l](u) <i>'), 'a\\_b \\*c\\* \\[l\\](u) &lt;i&gt;');
});

/** A 4-class classification_report (sklearn's output_dict=True), as a notebook would report it. */
function classificationReport(): Record<string, unknown> {
  const report: Record<string, unknown> = {};
  for (const label of ['setosa', 'versicolor', 'virginica', 'unknown-class']) {
    report[label] = { precision: 0.9333333333333333, recall: 0.8235294117647058, 'f1-score': 0.875, support: 17 };
  }
  report.accuracy = 0.8823529411764706;
  report['macro avg'] = { precision: 0.9166666666666666, recall: 0.8970588235294118, 'f1-score': 0.8952380952380953, support: 68 };
  report['weighted avg'] = { precision: 0.9166666666666666, recall: 0.8823529411764706, 'f1-score': 0.8952380952380953, support: 68 };
  for (let i = 0; i < 16; i++) report[`extra_metric_with_a_long_name_${i}`] = 0.123456789012345;
  return report;
}

function outputs(metrics: Record<string, unknown>): Record<string, string> {
  return resultOutputs({
    model: 'iris', version: 'v1.0.0', folder: 'models/iris-v1.0.0', commit: 'a'.repeat(40), endpoint: '/v2/models/iris/versions/v1.0.0/infer',
    alreadyPublished: false, executedNotebook: '/builds/ds/iris/iris.executed.ipynb', metrics, reviewUrl: 'https://gitlab.example.com/ds/models/-/merge_requests/1',
  } as unknown as ReleaseResult);
}

/** GitLab's parser: app/services/ci/parse_dotenv_artifact_service.rb and the job variable key rules. */
function parseLikeGitLab(text: string): Map<string, string> {
  assert.ok(Buffer.byteLength(text) < DOTENV_SIZE_LIMIT, `${Buffer.byteLength(text)} bytes is not below ${DOTENV_SIZE_LIMIT}`);
  const variables = new Map<string, string>();
  for (const line of text.split(/(?<=\n)/)) {
    const match = /^(.*?)=(.*)$/m.exec(line);
    assert.ok(match, `Invalid Format: ${JSON.stringify(line)}`);
    const key = match[1].trim();
    assert.match(key, /^[A-Za-z0-9_]{1,255}$/, 'a valid key');
    variables.set(key, match[2].trim());
  }
  assert.ok(variables.size <= DOTENV_VARIABLE_LIMIT, `${variables.size} variables`);
  return variables;
}

unit('dotenv: a 4-class classification_report (40+ metrics) fits GitLab\'s 5,120 bytes and 20 variables, our own variables first, the rest named', () => {
  const metrics = flatten(classificationReport())!;
  assert.ok(Object.keys(metrics).length >= 40, `${Object.keys(metrics).length} metrics`);
  const report = dotenvReport(outputs(metrics), metrics);
  const variables = parseLikeGitLab(report.text);
  for (const key of ['MLSERVER_MODEL', 'MLSERVER_VERSION', 'MLSERVER_FOLDER', 'MLSERVER_COMMIT', 'MLSERVER_ENDPOINT', 'MLSERVER_METRICS', 'MLSERVER_STORAGE_URI']) assert.ok(variables.has(key), key);
  assert.is(variables.get('MLSERVER_VERSION'), 'v1.0.0');
  assert.is(variables.size, DOTENV_VARIABLE_LIMIT);
  const json = JSON.parse(variables.get('MLSERVER_METRICS')!);
  assert.ok(Object.keys(json).length > 0, 'MLSERVER_METRICS is still a JSON object');
  assert.is(variables.get('MLSERVER_METRIC_SETOSA_PRECISION'), '0.9333333333333333');
  const named = report.warnings.find((w) => w.includes('have no MLSERVER_METRIC_ variable'));
  assert.ok(named, report.warnings.join('\n'));
  assert.match(named!, '"weighted avg.f1-score"');

  // Far too much: a thousand metrics and long values. Our own variables still all fit.
  const huge = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`m${i}`, 'x'.repeat(50)]));
  const long = { ...outputs(huge), 'executed-notebook': `/${'deep/'.repeat(400)}nb.ipynb`, source: `s3://b/${'p'.repeat(2000)}` };
  const big = dotenvReport(long, huge);
  const parsed = parseLikeGitLab(big.text);
  assert.is(parsed.get('MLSERVER_VERSION'), 'v1.0.0');
  assert.ok(JSON.parse(parsed.get('MLSERVER_METRICS')!), 'still JSON');
  assert.ok(big.warnings.some((w) => w.includes('MLSERVER_EXECUTED_NOTEBOOK is shortened')), big.warnings.join('\n'));
  assert.ok(big.warnings.some((w) => /MLSERVER_METRICS holds \d+ of 1000 metrics/.test(w)), big.warnings.join('\n'));
});

unit('dotenv: metric names map to variables without collisions (a.b and a_b), values stay on one line', () => {
  const metrics = { 'a.b': 1, a_b: 2, Acc: 3, acc: 4, 'x\n::error::pwned': 'line1\nline2\rMLSERVER_VERSION=evil' };
  const report = dotenvReport(outputs(metrics), metrics);
  const variables = parseLikeGitLab(report.text);
  assert.is(variables.get('MLSERVER_METRIC_A_B'), '1', 'the first keeps the name');
  assert.is(variables.get('MLSERVER_METRIC_ACC'), '3');
  assert.is(variables.get('MLSERVER_VERSION'), 'v1.0.0', 'a value cannot add a line');
  assert.is(variables.get('MLSERVER_METRIC_X_ERROR_PWNED'), 'line1\\nline2\\rMLSERVER_VERSION=evil');
  assert.ok(report.warnings.some((w) => w.includes('"a_b"') && w.includes('MLSERVER_METRIC_A_B is already the metric "a.b"')), report.warnings.join('\n'));
  assert.ok(report.warnings.some((w) => w.includes('"acc"')), report.warnings.join('\n'));
});

const run = suite('hostile metrics through the CLI');
run.after(removeTempDirs);


const HOSTILE_METRICS = { 'x\n::error::pwned': 0.9, '::warning::pwned': 1, 'y ##[set-output name=model]pwned': 2, 'a|b\n| injected | row |': 3, accuracy: 0.8 };

run('GitHub Actions: a metric named "x\\n::error::pwned" prints no line the runner runs, and the summary keeps one row per metric', async () => {
  const project = createModelProject();
  writeArtifact(project);
  writeFileSync(path.join(project.dir, 'metrics.json'), JSON.stringify(HOSTILE_METRICS));
  const files = tempDir('mlsr-runner-');
  const summaryFile = path.join(files, 'summary');
  const outputFile = path.join(files, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_REPOSITORY: 'ds/tiny', GITHUB_RUN_ID: '1' };
  const result = await spawnNode(['--import', 'tsx', path.resolve('src/index.ts'), 'publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v1.0.0', '--metrics', 'metrics.json', '--check-load', 'never'], { env, cwd: process.cwd() });
  assert.is(result.status, 0, result.stdout + result.stderr);
  const commands = runnerCommands(result.stdout + '\n' + result.stderr);
  assert.ok(commands.length > 0, 'our own group commands are there');
  for (const command of commands) {
    assert.ok(['group', 'endgroup', 'warning'].includes(command.name), `only our own commands: ${JSON.stringify(command.line)}`);
    assert.not.match(command.data, 'pwned', command.line);
  }
  assert.match(result.stdout + result.stderr, 'pwned', 'the metric is still shown');
  const summary = readFileSync(summaryFile, 'utf8');
  const metricRows = summary.split('\n').filter((line) => line.startsWith('|')).slice(-Object.keys(HOSTILE_METRICS).length - 2);
  assert.is(metricRows[0], '| metric | baseline (none) | this version (v1.0.0) | change |', summary);
  for (const line of metricRows) assert.is(line.split('|').length - 2, 4, `four cells: ${line}`);
  const output = readFileSync(outputFile, 'utf8');
  const record = /^metrics<<(.+)\n([\s\S]*?)\n\1$/m.exec(output);
  assert.ok(record, output);
  assert.equal(JSON.parse(record![2]), HOSTILE_METRICS, 'the metrics output carries the names exactly');
});

run('GitLab CI: the dotenv report of hostile metrics parses, within the limits, and the log has no section markers of theirs', async () => {
  const project = createModelProject();
  writeArtifact(project);
  writeFileSync(path.join(project.dir, 'metrics.json'), JSON.stringify({ ...HOSTILE_METRICS, 'a.b': 1, a_b: 2, report: classificationReport(), 'z\u001b[0Ksection_end:1:release_summary\r\u001b[0K': 4 }));
  const dotenv = path.join(tempDir(), 'x.env');
  const result = await cli(['publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v1.0.0', '--metrics', 'metrics.json', '--check-load', 'never', '--dotenv', dotenv], { env: baseEnv({ GITLAB_CI: 'true' }) });
  assert.is(result.code, 0, result.stderr);
  const variables = parseLikeGitLab(readFileSync(dotenv, 'utf8'));
  assert.is(variables.get('MLSERVER_VERSION'), 'v1.0.0');
  assert.is(variables.get('MLSERVER_METRIC_A_B'), '1');
  assert.match(result.stderr, 'MLSERVER_METRIC_A_B is already the metric "a.b"');
  assert.match(result.stderr, 'have no MLSERVER_METRIC_ variable');
  const markers = result.stderr.match(/section_(?:start|end):\d+:[a-zA-Z0-9_.-]+(?:\[[^\]]*\])?\r\u001b\[0K/g) ?? [];
  assert.is(markers.filter((m) => m.startsWith('section_start')).length, markers.filter((m) => m.startsWith('section_end')).length, 'sections balance');
  assert.not.match(result.stderr, /section_end:1:release_summary\r/, 'the metric name does not close the summary');
});

run('a --metrics file nested 5,000 deep is EMETRICSFILE, exit 2, not a stack overflow', async () => {
  const project = createModelProject();
  writeArtifact(project);
  writeFileSync(path.join(project.dir, 'metrics.json'), '{"a":'.repeat(5000) + '1' + '}'.repeat(5000));
  const result = await cli(['publish', '--model-dir', project.dir, '--repo', newBareRepo(), '--version', 'v1.0.0', '--metrics', 'metrics.json', '--check-load', 'never', '--json']);
  assert.is(result.code, 2, result.stderr);
  assert.is(JSON.parse(result.stdout).error.code, 'EMETRICSFILE');
  assert.match(result.stderr, 'nested deeper than 32 levels');
});

unit.run();
run.run();
