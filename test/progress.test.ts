/** Progress of a long transfer: how far, how fast, how long left; a line every 10 s in CI, one line in place on a terminal. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Logger } from '../src/log.js';
import { formatBytes, TransferProgress } from '../src/progress.js';
import { Capture } from './helpers/capture.js';

const MiB = 1024 * 1024;

test('in a CI log: a line every 10 s with bytes, total, percent, rate and time left, then the total', () => {
  const out = new Capture();
  let now = 0;
  const progress = new TransferProgress(new Logger({ stream: out }), 'upload models/big-v1/model.bin', 2048 * MiB, { clock: () => now });
  for (let second = 1; second <= 20; second++) {
    now = second * 1000;
    progress.add(64 * MiB);
  }
  progress.finish();
  const lines = out.text.trim().split('\n');
  assert.equal(lines, [
    'upload models/big-v1/model.bin: 640.0 MiB of 2.0 GiB (31%), 64.0 MiB/s, 22 s left',
    'upload models/big-v1/model.bin: 1.3 GiB of 2.0 GiB (62%), 64.0 MiB/s, 12 s left',
    'upload models/big-v1/model.bin: 1.3 GiB in 20 s (64.0 MiB/s)',
  ]);
});

test('on a terminal: the line is redrawn in place, and the next message starts on a line of its own', () => {
  const out = new Capture();
  let now = 0;
  const log = new Logger({ stream: out, live: true });
  const progress = new TransferProgress(log, 'download', undefined, { clock: () => now });
  now = 300;
  progress.add(MiB);
  now = 600;
  progress.add(MiB);
  log.info('done');
  assert.is(out.text, '\rdownload: 1.0 MiB, 3.3 MiB/s\x1b[K\rdownload: 2.0 MiB, 3.3 MiB/s\x1b[K\ndone\n');
});

test('a short transfer prints nothing; sizes read as people read them', () => {
  const out = new Capture();
  let now = 0;
  const progress = new TransferProgress(new Logger({ stream: out }), 'copy', 10, { clock: () => now });
  progress.add(10);
  now = 500;
  progress.finish();
  assert.is(out.text, '');
  assert.equal([formatBytes(512), formatBytes(1536), formatBytes(5 * MiB), formatBytes(3 * 1024 * MiB)], ['512 B', '1.5 KiB', '5.0 MiB', '3.0 GiB']);
});

test.run();
