/**
 * Starts the committed bundle the way GitHub's runner starts a `uses:` step
 * (`runs.main` of action.yml): the runner's environment, every declared input as
 * INPUT_* (its default when not given) and temp files for outputs and summary.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { spawnNode } from './capture.js';
import { tempDir } from './fs.js';

const actionYml = YAML.parse(readFileSync('action.yml', 'utf8'));

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** GITHUB_OUTPUT's text, as the runner would read it. */
  outputs: string;
  summary: string;
}

export async function runActionBundle(inputs: Record<string, string>, runnerEnv: Record<string, string> = {}): Promise<ActionRun> {
  const files = tempDir('mlsr-runner-');
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...runnerEnv,
  };
  for (const [name, spec] of Object.entries<{ default?: string }>(actionYml.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
  }
  const run = await spawnNode([path.resolve('dist/index.js')], { env, cwd: tempDir() });
  return { ...run, outputs: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8') };
}

/** Parses GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` records. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value: string[] = [];
    for (i++; lines[i] !== match[2]; i++) value.push(lines[i]);
    outputs[match[1]] = value.join('\n');
  }
  return outputs;
}
