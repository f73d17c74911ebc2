'use strict';
// fs.watch (inotify), fs.watch recursive, fs.promises.watch, fs.watchFile/unwatchFile: each
// step waits for the events it expects (no fixed sleeps), so a slow machine only makes it
// slower. Events are compared as node reports them on Linux.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-watch-'));
const j = (...parts) => path.join(dir, ...parts);

// Resolves once `predicate(events)` holds; fails after 10 s.
function waitFor(events, predicate, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    (function check() {
      if (predicate(events)) return resolve();
      if (Date.now() - started > 10000) {
        return reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(events)}`));
      }
      setTimeout(check, 5);
    })();
  });
}
const has = (entry) => (events) => events.includes(entry);

async function main() {
  // A directory: create, change, rename, delete.
  {
    const events = [];
    const w = fs.watch(dir, (type, name) => events.push(`${type}:${name}`));
    assert.ok(w instanceof require('events'));
    fs.writeFileSync(j('a'), 'x');
    await waitFor(events, has('rename:a'), 'create');
    fs.appendFileSync(j('a'), 'y');
    await waitFor(events, has('change:a'), 'change');
    fs.renameSync(j('a'), j('b'));
    await waitFor(events, (e) => e.filter((x) => x === 'rename:a').length >= 2 && e.includes('rename:b'), 'rename');
    fs.unlinkSync(j('b'));
    await waitFor(events, (e) => e.filter((x) => x === 'rename:b').length >= 2, 'unlink');
    let closed = false;
    w.on('close', () => { closed = true; });
    w.close();
    assert.strictEqual(closed, false);  // 'close' comes on the next tick.
    await waitFor([], () => closed, 'close');
    w.close();  // Closing twice is a no-op.
  }

  // A file, with a Buffer filename (encoding 'buffer'); unref'd watchers do not hold the loop.
  {
    fs.writeFileSync(j('f'), '1');
    const events = [];
    const w = fs.watch(j('f'), { encoding: 'buffer' }, (type, name) => {
      assert.ok(Buffer.isBuffer(name));
      events.push(`${type}:${name}`);
    });
    w.unref();
    w.ref();
    fs.writeFileSync(j('f'), '22');
    await waitFor(events, has('change:f'), 'file change');
    w.close();
  }

  // Errors.
  assert.throws(() => fs.watch(j('missing')), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.syscall, 'watch');
    assert.strictEqual(err.path, j('missing'));
    assert.strictEqual(err.filename, j('missing'));
    assert.strictEqual(err.message, `ENOENT: no such file or directory, watch '${j('missing')}'`);
    return true;
  });
  assert.throws(() => fs.watch(42), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => fs.watch(dir, { encoding: 'nope' }), { code: 'ERR_INVALID_ARG_VALUE' });

  // Recursive: events from a subdirectory created after the watch started.
  {
    fs.mkdirSync(j('tree', 'sub'), { recursive: true });
    const events = [];
    const w = fs.watch(j('tree'), { recursive: true }, (type, name) => events.push(`${type}:${name}`));
    fs.writeFileSync(j('tree', 'sub', 'deep.txt'), 'x');
    await waitFor(events, has(`rename:${path.join('sub', 'deep.txt')}`), 'recursive create');
    fs.mkdirSync(j('tree', 'new'));
    await waitFor(events, has('rename:new'), 'recursive mkdir');
    fs.writeFileSync(j('tree', 'new', 'x.txt'), 'x');
    await waitFor(events, has(`rename:${path.join('new', 'x.txt')}`), 'file in a new directory');
    // Directories created together: the inner one is reported too (found when the outer one
    // is scanned), and what is created in it later.
    fs.mkdirSync(j('tree', 'p', 'q'), { recursive: true });
    const inner = `rename:${path.join('p', 'q')}`;
    await waitFor(events, (e) => e.includes('rename:p') && e.includes(inner), 'mkdir -p');
    fs.writeFileSync(j('tree', 'p', 'q', 'r.txt'), 'x');
    await waitFor(events, has(`rename:${path.join('p', 'q', 'r.txt')}`), 'file in p/q');
    w.close();
  }

  // fs.promises.watch with an AbortSignal.
  if (typeof AbortController === 'function') {
    const ac = new AbortController();
    const seen = [];
    const iterate = (async () => {
      try {
        for await (const { eventType, filename } of fs.promises.watch(dir, { signal: ac.signal })) {
          seen.push(`${eventType}:${filename}`);
          if (filename === 'p') ac.abort();
        }
      } catch (err) {
        assert.strictEqual(err.name, 'AbortError');
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    fs.writeFileSync(j('p'), 'x');
    await iterate;
    assert.ok(seen.includes('rename:p'), JSON.stringify(seen));
  }

  // watchFile / unwatchFile: size changes, deletion (zeroed stats), re-creation.
  {
    fs.writeFileSync(j('w'), '22');
    const calls = [];
    const listener = (curr, prev) => {
      assert.ok(curr instanceof fs.Stats);
      calls.push([curr.size, prev.size]);
    };
    const watcher = fs.watchFile(j('w'), { interval: 10 }, listener);
    assert.strictEqual(fs.watchFile(j('w'), { interval: 10 }, listener), watcher);
    await new Promise((resolve) => setTimeout(resolve, 50));
    fs.writeFileSync(j('w'), '333');
    await waitFor(calls, (c) => c.some(([a, b]) => a === 3 && b === 2), 'size change');
    fs.unlinkSync(j('w'));
    await waitFor(calls, (c) => c.some(([a, b]) => a === 0 && b === 3), 'deletion');
    fs.writeFileSync(j('w'), '4444');
    await waitFor(calls, (c) => c.some(([a, b]) => a === 4 && b === 3), 're-creation');
    let stopped = false;
    watcher.on('stop', () => { stopped = true; });
    fs.unwatchFile(j('w'), listener);
    fs.unwatchFile(j('w'));
    await waitFor([], () => stopped, 'stop');

    // A missing file reports once, with zeroed stats.
    const missing = [];
    fs.watchFile(j('missing'), { interval: 10, bigint: true }, (curr, prev) => {
      missing.push([curr.size, prev.size, curr.mtimeMs]);
    });
    await waitFor(missing, (m) => m.length === 1, 'missing file');
    await new Promise((resolve) => setTimeout(resolve, 50));
    fs.unwatchFile(j('missing'));
    assert.deepStrictEqual(missing, [[0n, 0n, 0n]]);
    assert.throws(() => fs.watchFile(j('w')), { code: 'ERR_INVALID_ARG_TYPE' });
  }
}

let done = false;
main().then(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  done = true;
});
process.on('exit', () => assert.ok(done));
