/**
 * The stand-in `mlserver` Python package (test/helpers/mlserver-standin-package),
 * made importable by the notebook's Python through PYTHONPATH, and a model
 * project with a custom runtime that the stand-in loads for real.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../../src/process.js';
import { createModelProject, type ModelProject } from './model-project.js';

export const STANDIN_PACKAGE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mlserver-standin-package');

/** Env that makes the stand-in importable, reporting `version`. */
export function withStandinMlserver(version = '1.3.2'): Env {
  // The stand-in's version reaches the notebook's Python only when the user passes it through.
  return { PYTHONPATH: STANDIN_PACKAGE_DIR, MLSERVER_STANDIN_VERSION: version, MLSERVER_RELEASE_NOTEBOOK_ENV: 'MLSERVER_STANDIN_VERSION' };
}

/**
 * A custom runtime that MLServer imports from the model folder: load() reads the
 * artifact and fails on "broken" weights, sleeps on "slow" ones, and predict()
 * echoes the weights back.
 */
export const CUSTOM_RUNTIME = `import asyncio
from mlserver import MLModel
from mlserver.types import InferenceResponse, ResponseOutput
from mlserver.utils import get_model_uri


class TextModel(MLModel):
    async def load(self):
        with open(await get_model_uri(self.settings)) as f:
            self.text = f.read()
        if "broken" in self.text:
            raise ValueError("weights are corrupt")
        if "slow" in self.text:
            await asyncio.sleep(30)
        return True

    async def predict(self, payload):
        return InferenceResponse(model_name=self.name, outputs=[ResponseOutput("echo", [1], "BYTES", [self.text])])
`;

export function createCustomRuntimeProject(settings: Record<string, unknown> = {}, weights = 'good weights'): ModelProject {
  const project = createModelProject({ implementation: 'custom_runtime.TextModel', ...settings });
  writeFileSync(path.join(project.dir, 'custom_runtime.py'), CUSTOM_RUNTIME);
  writeFileSync(path.join(project.dir, 'model.txt'), weights);
  writeFileSync(path.join(project.dir, 'inference-request.json'), JSON.stringify({ inputs: [{ name: 'text', shape: [1], datatype: 'BYTES', data: ['hi'] }] }));
  return project;
}
