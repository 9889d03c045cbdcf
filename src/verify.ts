/**
 * After the push: is the new version really served? Polls the V2 readiness
 * endpoint, sends the sample inference request, and checks that the answer comes
 * from the right model and version (and, optionally, matches expected outputs).
 */
import { ReleaseError } from './errors.js';
import type { Logger } from './log.js';

export interface VerifyInput {
  /** MLServer's base URL, possibly with a path prefix (https://host/mlapi). */
  url: string;
  model: string;
  version: string;
  /** A V2 inference request body. */
  request: unknown;
  /** Expected `outputs` (or a whole response holding them) to compare with. */
  expected?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  intervalMs: number;
  log: Logger;
}

interface V2Output {
  name: string;
  datatype?: string;
  shape?: number[];
  data: unknown;
}

export interface VerifyResult {
  readyAfterMs: number;
  response: { model_name?: string; model_version?: string; outputs?: V2Output[] };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function versionPath(base: string, model: string, version: string): string {
  return `${base.replace(/\/+$/, '')}/v2/models/${encodeURIComponent(model)}/versions/${encodeURIComponent(version)}`;
}

async function describeFetchError(error: unknown): Promise<string> {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Waits for `GET .../ready` to answer 200; 400 (loading) and 404 (not found yet) mean "not yet". */
async function waitUntilReady(input: VerifyInput, base: string): Promise<number> {
  const started = Date.now();
  let last = 'no answer yet';
  for (;;) {
    try {
      const response = await fetch(`${base}/ready`, { headers: input.headers, signal: AbortSignal.timeout(Math.max(1000, input.intervalMs * 5)) });
      if (response.status === 200) return Date.now() - started;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = await describeFetchError(error);
    }
    const waited = Date.now() - started;
    if (waited >= input.timeoutMs) {
      throw new ReleaseError('EVERIFY', `${input.model} ${input.version} was not ready after ${Math.round(waited / 1000)}s (last answer: ${last})`);
    }
    input.log.info(`verify: ${input.model} ${input.version} not ready yet (${last}); ${Math.round(waited / 1000)}s of ${Math.round(input.timeoutMs / 1000)}s`);
    await sleep(input.intervalMs);
  }
}

export async function verifyServed(input: VerifyInput): Promise<VerifyResult> {
  const base = versionPath(input.url, input.model, input.version);
  const readyAfterMs = await waitUntilReady(input, base);
  input.log.info(`verify: ready after ${(readyAfterMs / 1000).toFixed(1)}s; sending the sample request`);

  let status: number;
  let body: string;
  try {
    const response = await fetch(`${base}/infer`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...input.headers },
      body: JSON.stringify(input.request),
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    throw new ReleaseError('EVERIFY', `The inference request to ${base}/infer failed: ${await describeFetchError(error)}`);
  }
  if (status !== 200) throw new ReleaseError('EVERIFY', `The inference request answered HTTP ${status}`, [body.slice(0, 500)]);
  let response: VerifyResult['response'];
  try {
    response = JSON.parse(body);
  } catch {
    throw new ReleaseError('EVERIFY', 'The inference response is not JSON', [body.slice(0, 500)]);
  }
  input.log.info(`verify: response ${JSON.stringify(response)}`);

  const problems: string[] = [];
  if (response.model_name !== input.model) problems.push(`model_name is ${JSON.stringify(response.model_name)}, expected "${input.model}"`);
  if (response.model_version !== input.version) problems.push(`model_version is ${JSON.stringify(response.model_version)}, expected "${input.version}"`);
  if (input.expected !== undefined) problems.push(...compareOutputs(expectedOutputs(input.expected), response.outputs ?? []));
  if (problems.length > 0) {
    throw new ReleaseError('EVERIFY', `The served model did not answer as expected (${problems.length} problem${problems.length > 1 ? 's' : ''})`, problems);
  }
  return { readyAfterMs, response };
}

function expectedOutputs(expected: unknown): V2Output[] {
  if (Array.isArray(expected)) return expected as V2Output[];
  const outputs = (expected as { outputs?: V2Output[] })?.outputs;
  if (!Array.isArray(outputs)) throw new ReleaseError('EUSAGE', '--expect must hold a list of outputs or an object with "outputs"');
  return outputs;
}

/** A readable diff: one line per output and position that differs. */
export function compareOutputs(expected: V2Output[], actual: V2Output[]): string[] {
  const lines: string[] = [];
  for (const want of expected) {
    const got = actual.find((o) => o.name === want.name) ?? (expected.length === 1 && actual.length === 1 ? actual[0] : undefined);
    if (!got) {
      lines.push(`output "${want.name}" is missing (got: ${actual.map((o) => o.name).join(', ') || 'none'})`);
      continue;
    }
    const wantData = Array.isArray(want.data) ? want.data : [want.data];
    const gotData = Array.isArray(got.data) ? got.data : [got.data];
    const length = Math.max(wantData.length, gotData.length);
    for (let i = 0; i < length; i++) {
      if (!sameValue(wantData[i], gotData[i])) lines.push(`output "${want.name}"[${i}]: expected ${JSON.stringify(wantData[i])}, got ${JSON.stringify(gotData[i])}`);
    }
  }
  return lines;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `verify --default`: the unversioned endpoint (/v2/models/<name>/infer, which
 * most clients call) must answer the sample request as version V does.
 */
export async function verifyDefaultServes(input: VerifyInput, versioned: VerifyResult['response']): Promise<VerifyResult['response']> {
  const endpoint = `${input.url.replace(/\/+$/, '')}/v2/models/${encodeURIComponent(input.model)}/infer`;
  let status: number;
  let body: string;
  try {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', ...input.headers }, body: JSON.stringify(input.request), signal: AbortSignal.timeout(input.timeoutMs) });
    status = response.status;
    body = await response.text();
  } catch (error) {
    throw new ReleaseError('EVERIFY', `The unversioned request to ${endpoint} failed: ${await describeFetchError(error)}`);
  }
  if (status !== 200) throw new ReleaseError('EVERIFY', `The unversioned endpoint answered HTTP ${status}`, [body.slice(0, 500)]);
  let response: VerifyResult['response'];
  try {
    response = JSON.parse(body);
  } catch {
    throw new ReleaseError('EVERIFY', 'The unversioned response is not JSON', [body.slice(0, 500)]);
  }
  const problems = compareOutputs(versioned.outputs ?? [], response.outputs ?? []);
  if (response.model_version && response.model_version !== input.version) problems.unshift(`model_version is "${response.model_version}", expected the default copy of "${input.version}"`);
  if (problems.length > 0) {
    throw new ReleaseError('EVERIFY', `/v2/models/${input.model}/infer does not answer as ${input.version} does: the default is another version`, problems);
  }
  input.log.info(`verify: /v2/models/${input.model}/infer answers as ${input.version} does`);
  return response;
}
