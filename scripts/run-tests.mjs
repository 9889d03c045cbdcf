#!/usr/bin/env node
// npm test's runner: every test file under test/, each in its own uvu process,
// two at a time (the CI machine has two cores, and most tests wait on git,
// servers and Jupyter), the slowest first so the two queues end together. Each
// file's output is printed whole when it ends, so files never interleave; then
// one tally in uvu's own words ("Total:", "Passed:"), which .ci/run reads.
//
//   node scripts/run-tests.mjs [pattern]   only files whose path (under test/) matches
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const testDir = path.join(root, 'test');
const filter = process.argv[2] ? new RegExp(process.argv[2]) : undefined;

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' || name === 'helpers' ? [] : testFiles(full);
    return name.endsWith('.test.ts') ? [path.relative(testDir, full)] : [];
  });
}

// The slowest files first (measured), so the last to start are short.
const SLOW = ['stores/contract', 'publish/api-transport', 'homes', 'example', 'pipelines', 'release', 'promote', 'stores/s3-claims', 'properties', 'hostile-input'];
const weight = (file) => {
  const index = SLOW.findIndex((slow) => file === `${slow}.test.ts`);
  return index < 0 ? SLOW.length : index;
};
const files = testFiles(testDir).filter((file) => !filter || filter.test(file)).sort((a, b) => weight(a) - weight(b) || a.localeCompare(b));
const CONCURRENCY = 2;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

function run(group) {
  if (group.length === 0) return Promise.resolve({ code: 0, output: '', total: 0, passed: 0, skipped: 0 });
  return new Promise((resolve) => {
    const pattern = `^(${group.map(escape).join('|')})$`;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'node_modules/uvu/bin.js'), 'test', pattern], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // A file that has not ended in 8 minutes is stuck (a child process left running keeps node alive): fail it.
    const timer = setTimeout(() => {
      output += `\n  FAIL  ${group.join(', ')} did not end within 8 minutes and was stopped\n`;
      child.kill('SIGKILL');
    }, 8 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const number = (label) => Number(new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm').exec(strip(output))?.[1] ?? 0);
      resolve({ code: code ?? 1, output, total: number('Total'), passed: number('Passed'), skipped: number('Skipped') });
    });
  });
}

const started = Date.now();
const results = [];
const queue = [...files];
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const result = await run([file]);
    results.push(result);
    process.stdout.write(result.output.replace(/^\s*(Total|Passed|Skipped|Duration):.*$/gm, '').replace(/\n{3,}/g, '\n\n'));
  }
}));
const sum = (key) => results.reduce((n, result) => n + result[key], 0);
process.stdout.write(`\n  Total:     ${sum('total')}\n  Passed:    ${sum('passed')}\n  Skipped:   ${sum('skipped')}\n  Duration:  ${Date.now() - started}ms\n\n`);
process.exitCode = results.some((result) => result.code !== 0) || sum('passed') !== sum('total') ? 1 : 0;
