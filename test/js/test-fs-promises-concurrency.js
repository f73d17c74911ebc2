'use strict';
// fs/promises with many operations in flight: 1,500 files written and read back through
// readFile (all at once, then 64 at a time), FileHandles opened together, checksums compared.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

function checksum(buf) {
  let sum = 0;
  for (let i = 0; i < buf.length; i++) sum = (sum * 31 + buf[i]) >>> 0;
  return sum;
}

async function main() {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'ringjs-fsp-conc-'));
  const count = 1500;
  const contents = [];
  let seed = 42;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const size = 200 + (seed % 12000);
    const buf = Buffer.allocUnsafe(size);
    for (let k = 0; k < size; k++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      buf[k] = seed & 0xff;
    }
    contents.push(buf);
  }
  const name = (i) => path.join(dir, `f${i}`);
  try {
    await Promise.all(contents.map((buf, i) => fsp.writeFile(name(i), buf)));

    const all = await Promise.all(contents.map((_, i) => fsp.readFile(name(i))));
    for (let i = 0; i < count; i++) assert.strictEqual(checksum(all[i]), checksum(contents[i]));

    // 64 reads in flight, as a file server would.
    let next = 0;
    async function worker() {
      while (next < count) {
        const i = next++;
        const data = await fsp.readFile(name(i));
        assert.ok(data.equals(contents[i]));
      }
    }
    await Promise.all(Array.from({ length: 64 }, worker));

    // Many FileHandles open together, read by position, then closed.
    const handles = await Promise.all(contents.slice(0, 500).map((_, i) => fsp.open(name(i))));
    const firsts = await Promise.all(handles.map((fh) => fh.read(Buffer.alloc(16), 0, 16, 0)));
    for (let i = 0; i < handles.length; i++) {
      assert.ok(firsts[i].buffer.equals(contents[i].subarray(0, 16)));
    }
    await Promise.all(handles.map((fh) => fh.close()));

    const stats = await Promise.all(contents.map((_, i) => fsp.stat(name(i))));
    for (let i = 0; i < count; i++) assert.strictEqual(stats[i].size, contents[i].length);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  assert.ok(!fs.existsSync(dir));
}

let done = false;
main().then(() => { done = true; });
process.on('exit', () => assert.ok(done));
