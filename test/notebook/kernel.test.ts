import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveKernelPython } from '../../src/notebook/kernel.js';
import { which } from '../../src/process.js';
import { baseEnv } from '../helpers/capture.js';
import { removeTempDirs, tempDir } from '../helpers/fs.js';
import { tinyNotebook } from '../helpers/model-project.js';

test.after(removeTempDirs);

test('the notebook\'s Python is its kernel\'s interpreter, not the python3 first on PATH', async () => {
  const found = await resolveKernelPython(tinyNotebook() as never, baseEnv());
  assert.is(found.kernel, 'python3');
  assert.is(found.python, '/usr/bin/python3', 'Debian\'s Jupyter kernel');
  assert.is.not(which('python3', baseEnv()), found.python, 'this machine\'s PATH python3 is another interpreter');
});

test('a kernel named in the notebook is looked up in Jupyter\'s data path', async () => {
  const data = tempDir('mlsr-jupyter-');
  mkdirSync(path.join(data, 'kernels', 'training'), { recursive: true });
  writeFileSync(path.join(data, 'kernels', 'training', 'kernel.json'), JSON.stringify({ argv: ['/opt/venv/bin/python', '-m', 'ipykernel_launcher', '-f', '{connection_file}'] }));
  const notebook = { ...tinyNotebook(), metadata: { kernelspec: { name: 'training' } } };
  const found = await resolveKernelPython(notebook as never, baseEnv({ JUPYTER_PATH: data }));
  assert.is(found.python, '/opt/venv/bin/python');
  const missing = await resolveKernelPython({ ...notebook, metadata: { kernelspec: { name: 'nope' } } } as never, baseEnv());
  assert.is(missing.python, undefined);
  assert.match(missing.reason ?? '', 'no kernel named "nope"');
});

test.run();
