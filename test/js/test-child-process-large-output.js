'use strict';
// Several MiB through child pipes with no byte lost or reordered: output of a child (our own
// runtime and cat), input written with backpressure (write() returning false, 'drain'), a
// paused reader (the child must block, not lose data), and both directions at once.
const assert = require('assert');
const cp = require('child_process');
const crypto = require('crypto');

const node = process.execPath;
const pending = new Set();
function test(name, fn) {
  pending.add(name);
  fn(() => {
    assert.ok(pending.has(name), `${name}: done twice`);
    pending.delete(name);
  });
}
process.on('exit', () => assert.deepStrictEqual([...pending], []));

// A deterministic pattern, so a lost or duplicated chunk shows.
function pattern(size) {
  const buf = Buffer.alloc(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    buf[i] = x >> 16;
  }
  return buf;
}

function sha(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

test('8 MiB from a child of our own runtime', (done) => {
  const size = 8 * 1024 * 1024;
  const child = cp.spawn(node, ['-e', `
    const chunk = Buffer.alloc(65536);
    for (let i = 0; i < chunk.length; i++) chunk[i] = i % 251;
    for (let i = 0; i < ${size / 65536}; i++) process.stdout.write(chunk);`]);
  let total = 0;
  let ok = true;
  child.stdout.on('data', (data) => {
    for (let i = 0; i < data.length; i++) {
      if (data[i] !== ((total + i) % 65536) % 251) ok = false;
    }
    total += data.length;
  });
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(total, size);
    assert.ok(ok, 'bytes arrive in order');
    done();
  });
});

test('5 MiB round trip through cat with backpressure', (done) => {
  const input = pattern(5 * 1024 * 1024 + 123);
  const child = cp.spawn('cat');
  const chunks = [];
  child.stdout.on('data', (data) => chunks.push(data));
  let offset = 0;
  let sawBackpressure = false;
  function writeMore() {
    while (offset < input.length) {
      const end = Math.min(offset + 100000, input.length);
      const more = child.stdin.write(input.subarray(offset, end));
      offset = end;
      if (!more) {
        sawBackpressure = true;
        child.stdin.once('drain', writeMore);
        return;
      }
    }
    child.stdin.end();
  }
  writeMore();
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.ok(sawBackpressure, 'write() returned false at some point');
    const output = Buffer.concat(chunks);
    assert.strictEqual(output.length, input.length);
    assert.strictEqual(sha(output), sha(input));
    done();
  });
});

test('a paused reader holds the child back without losing data', (done) => {
  const child = cp.spawn('/bin/sh', ['-c', 'head -c 3000000 /dev/zero | tr "\\0" "z"']);
  const chunks = [];
  child.stdout.once('data', (first) => {
    chunks.push(first);
    child.stdout.pause();
    // Several turns of the loop later, resume; the child waited on the full pipe meanwhile.
    let turns = 0;
    (function spin() {
      if (++turns < 20) return setImmediate(spin);
      child.stdout.on('data', (data) => chunks.push(data));
      child.stdout.resume();
    })();
  });
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    const output = Buffer.concat(chunks);
    assert.strictEqual(output.length, 3000000);
    assert.ok(output.every((b) => b === 0x7a));
    done();
  });
});

test('stdin to our own runtime, stdout and stderr back, 4 MiB each way', (done) => {
  const input = pattern(4 * 1024 * 1024);
  const child = cp.spawn(node, ['-e', `
    const crypto = require('crypto');
    const hash = crypto.createHash('sha256');
    let n = 0;
    process.stdin.on('data', (d) => { hash.update(d); n += d.length; process.stdout.write(d); });
    process.stdin.on('end', () => process.stderr.write(n + ' ' + hash.digest('hex')));`]);
  const out = [];
  let err = '';
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => err += d);
  child.stdin.end(input);
  child.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(err, `${input.length} ${sha(input)}`);
    assert.strictEqual(sha(Buffer.concat(out)), sha(input));
    done();
  });
});

test('pipeline-style: pipe() a big output into another child', (done) => {
  const producer = cp.spawn('/bin/sh', ['-c', 'head -c 6000000 /dev/zero']);
  const counter = cp.spawn('wc', ['-c']);
  producer.stdout.pipe(counter.stdin);
  let out = '';
  counter.stdout.setEncoding('utf8');
  counter.stdout.on('data', (d) => out += d);
  counter.on('close', (code) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(out.trim(), '6000000');
    done();
  });
});
