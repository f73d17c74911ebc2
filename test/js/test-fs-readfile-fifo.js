'use strict';
// readFile of a FIFO waits for its writer off the JS thread (the loop keeps running) and reads
// until the writer closes, whether the writer comes first or second.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fifo-'));
const fifo = path.join(dir, 'pipe');
execFileSync('mkfifo', [fifo]);

// 200,000 bytes: more than a pipe holds, so the writer keeps writing while we read.
const writeInto = (name) =>
  spawn('sh', ['-c', `head -c 200000 /dev/zero | tr '\\000' a > ${name}`], { stdio: 'inherit' });

async function main() {
  // Reader first: the writer starts once the read is under way.
  let ticks = 0;
  const counter = setInterval(() => ticks++, 1);
  const first = fs.promises.readFile(fifo, 'latin1');
  setImmediate(() => writeInto(fifo));
  const text = await first;
  console.log('reader first:', text.length, /^a+$/.test(text));

  // Writer first: it waits in open() for a reader.
  const writer = writeInto(fifo);
  await new Promise((resolve) => writer.once('spawn', resolve));
  const text2 = await new Promise((resolve, reject) => {
    fs.readFile(fifo, (err, data) => (err ? reject(err) : resolve(data)));
  });
  const [code] = await new Promise((resolve) => {
    if (writer.exitCode !== null) resolve([writer.exitCode]);
    else writer.once('exit', (c) => resolve([c]));
  });
  console.log('writer first:', text2.length, text2.every((b) => b === 0x61), 'writer exit', code);
  clearInterval(counter);
  console.log('loop ran while waiting:', ticks > 0);
  fs.rmSync(dir, { recursive: true });
}
main();
