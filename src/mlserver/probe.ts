/**
 * What the training environment says about the serving one, asked once before
 * the notebook runs: which mlserver the notebook's Python can import (it decides
 * the default --mlserver-version and --check-load auto), and whether the
 * settings' `implementation` imports there.
 */
import os from 'node:os';
import { ReleaseError } from '../errors.js';
import type { Logger } from '../log.js';
import { runInGroup, type Env } from '../process.js';
import { DEFAULT_MLSERVER_LINE, isMlserverLine, lineOfVersion, MLSERVER_LINES, type MlserverLine } from '../settings/mlserver-schema.js';
import { parseScriptResult, PROBE_SCRIPT } from './python-scripts.js';

export interface ImplementationProbe {
  status: 'ok' | 'not-installed' | 'no-attribute' | 'import-error';
  module?: string;
  detail?: string;
  file?: string;
}

export interface EnvironmentProbe {
  /** The mlserver version the notebook's Python imports, e.g. "1.3.2". */
  mlserver?: string;
  implementation?: ImplementationProbe;
}

const PROBE_TIMEOUT_MS = 60_000;

export async function probeEnvironment(python: string, implementation: string, modelDir: string, env: Env): Promise<EnvironmentProbe> {
  const result = await runInGroup(python, ['-c', PROBE_SCRIPT, implementation, modelDir], { cwd: os.tmpdir(), env, timeoutMs: PROBE_TIMEOUT_MS });
  const parsed = parseScriptResult<{ mlserver: string | null; implementation: ImplementationProbe | null }>(result.stdout);
  if (!parsed) return {};
  return { mlserver: parsed.mlserver ?? undefined, implementation: parsed.implementation ?? undefined };
}

/** --mlserver-version if given, else the importable mlserver's line, else the newest line. */
export function chooseMlserverLine(explicit: string | undefined, probed: string | undefined, log: Logger): MlserverLine {
  if (explicit !== undefined && explicit !== '') {
    const line = isMlserverLine(explicit) ? explicit : lineOfVersion(explicit);
    if (!line) {
      throw new ReleaseError('EMLSERVERLINE', `--mlserver-version "${explicit}" is not a supported MLServer line: expected one of ${MLSERVER_LINES.join(', ')}`);
    }
    log.info(`settings: checked as MLServer ${line} reads them (--mlserver-version)`);
    return line;
  }
  if (probed) {
    const line = lineOfVersion(probed);
    if (line) {
      log.info(`settings: checked as MLServer ${line} reads them (mlserver ${probed} is installed beside the notebook)`);
      return line;
    }
    log.warn(`mlserver ${probed} is installed beside the notebook, but only lines ${MLSERVER_LINES.join(', ')} are supported: checking as ${DEFAULT_MLSERVER_LINE}; pass --mlserver-version to choose`);
    return DEFAULT_MLSERVER_LINE;
  }
  log.info(`settings: checked as MLServer ${DEFAULT_MLSERVER_LINE} reads them (the default; pass --mlserver-version for another line)`);
  return DEFAULT_MLSERVER_LINE;
}

/** Turns the implementation probe into an error (it cannot load) or a warning (we cannot tell). */
export function judgeImplementation(implementation: string, probe: ImplementationProbe | undefined, settingsPath: string, log: Logger): void {
  if (!probe) return;
  switch (probe.status) {
    case 'ok':
      return;
    case 'not-installed':
      log.warn(`implementation ${implementation}: module ${probe.module ?? '?'} is not installed beside the notebook, so the tool cannot check it; the serving image must have it`, settingsPath);
      return;
    case 'no-attribute': {
      const module = implementation.slice(0, implementation.lastIndexOf('.'));
      throw new ReleaseError('EIMPLEMENTATION', `implementation: module ${module} has no attribute "${implementation.slice(module.length + 1)}"${probe.file ? ` (${probe.file})` : ''}`, [], settingsPath);
    }
    case 'import-error':
      throw new ReleaseError('EIMPLEMENTATION', `implementation: importing ${implementation} fails: ${probe.detail ?? 'unknown error'}`, [], settingsPath);
  }
}
