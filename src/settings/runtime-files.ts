/**
 * Files beside model-settings.json that MLServer needs to load the model, so
 * they are published with it:
 * - a custom runtime: MLServer imports `implementation` with the model folder on
 *   sys.path (settings.py, `_extra_sys_path`), so `custom_runtime.MyModel` is found
 *   as `custom_runtime.py` or a `custom_runtime/` package in that folder;
 * - `parameters.environment_tarball`: MLServer resolves a relative one against
 *   the settings' folder (utils.py `to_absolute_path`) and unpacks it for the model.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReleaseError } from '../errors.js';
import { environmentTarball, type ModelSettings } from './render.js';

export interface RuntimeFile {
  /** Path relative to the model folder, which is also its path in the version folder. */
  relative: string;
  why: string;
}

/** The custom runtime module the implementation names, when it sits in the model folder. */
export function customRuntimeFile(implementation: string, modelDir: string): RuntimeFile | undefined {
  const top = implementation.split('.')[0];
  if (!top) return undefined;
  const file = `${top}.py`;
  if (existsSync(path.join(modelDir, file))) return { relative: file, why: `the custom runtime ${implementation}` };
  const dir = path.join(modelDir, top);
  if (existsSync(dir) && statSync(dir).isDirectory() && existsSync(path.join(dir, '__init__.py'))) {
    return { relative: top, why: `the custom runtime package ${top}/` };
  }
  return undefined;
}

/** A relative environment_tarball, which must exist once the notebook has run. */
export function environmentTarballFile(settings: ModelSettings, modelDir: string, settingsPath: string): RuntimeFile | undefined {
  const tarball = environmentTarball(settings);
  if (!tarball) return undefined;
  if (path.isAbsolute(tarball) || /^[a-z][a-z0-9+.-]*:\/\//i.test(tarball)) return undefined; // a path on the server: not ours to publish
  const parts = tarball.replace(/\\/g, '/').split('/');
  if (parts.includes('..')) {
    throw new ReleaseError('ERUNTIMEFILE', `parameters.environment_tarball "${tarball}" leaves the model folder through ".."`, [], settingsPath);
  }
  if (!existsSync(path.join(modelDir, tarball))) {
    throw new ReleaseError('ERUNTIMEFILE', `parameters.environment_tarball "${tarball}" does not exist in ${modelDir}; MLServer would fail to unpack it`, [], settingsPath);
  }
  return { relative: tarball.replace(/^\.\//, ''), why: 'the environment tarball' };
}
