'use strict';
// node:v8 statistics, flags, heap snapshots and the startup snapshot API. Sizes vary by run and
// V8 version, so only their shape and relations are printed.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const v8 = require('v8');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-v8-'));

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message.replace(tmp, '<tmp>'));
  }
}

console.log(Object.keys(v8).sort());

{
  const stats = v8.getHeapStatistics();
  console.log(Object.keys(stats));
  for (const [key, value] of Object.entries(stats)) {
    assert.ok(Number.isInteger(value) && value >= 0, key);
  }
  console.log(stats.used_heap_size <= stats.total_heap_size,
              stats.total_heap_size <= stats.heap_size_limit,
              stats.number_of_native_contexts >= 1, stats.does_zap_garbage);
}

{
  const spaces = v8.getHeapSpaceStatistics();
  console.log(Object.keys(spaces[0]));
  const names = spaces.map((s) => s.space_name);
  console.log(['new_space', 'old_space', 'code_space', 'large_object_space']
    .every((n) => names.includes(n)));
  for (const s of spaces) {
    assert.strictEqual(typeof s.space_name, 'string');
    assert.ok(s.space_used_size <= s.space_size || s.space_size === 0, s.space_name);
  }
}

{
  const code = v8.getHeapCodeStatistics();
  console.log(Object.keys(code), code.bytecode_and_metadata_size > 0);
}

{
  const tag = v8.cachedDataVersionTag();
  console.log(typeof tag, Number.isInteger(tag), tag === v8.cachedDataVersionTag());
}

// A flag set at run time takes effect: %-natives parse once allowed.
{
  attempt('natives before', () => new Function('return %GetOptimizationStatus(() => 1)'));
  v8.setFlagsFromString('--allow-natives-syntax');
  const fn = new Function('return typeof %GetOptimizationStatus(() => 1)');
  console.log('natives after', fn());
  v8.setFlagsFromString('--no-allow-natives-syntax');
  attempt('flags not a string', () => v8.setFlagsFromString(1));
}

// Heap snapshots: a file, and a stream of the same JSON format.
{
  class FindMeInTheSnapshot {}
  globalThis.keep = new FindMeInTheSnapshot();
  const file = path.join(tmp, 'one.heapsnapshot');
  console.log(v8.writeHeapSnapshot(file) === file);
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(Object.keys(snapshot).slice(0, 3),
              snapshot.snapshot.meta.node_fields.slice(0, 5));
  console.log(snapshot.strings.includes('FindMeInTheSnapshot'));

  const cwd = process.cwd();
  process.chdir(tmp);
  const name = v8.writeHeapSnapshot();
  console.log(/^Heap\.\d{8}\.\d{6}\.\d+\.0\.\d{3}\.heapsnapshot$/.test(name), fs.existsSync(name));
  process.chdir(cwd);

  attempt('bad path', () => v8.writeHeapSnapshot(path.join(tmp, 'missing', 'x.heapsnapshot')));
  attempt('path type', () => v8.writeHeapSnapshot(5));
  attempt('options type', () => v8.writeHeapSnapshot(file, 5));
  attempt('option type', () => v8.writeHeapSnapshot(file, { exposeNumericValues: 1 }));
  attempt('stream options type', () => v8.getHeapSnapshot('x'));
}

{
  const stream = v8.getHeapSnapshot();
  console.log(stream.constructor.name, stream instanceof require('stream').Readable);
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  stream.on('end', () => {
    const snapshot = JSON.parse(Buffer.concat(chunks).toString());
    console.log('stream', chunks.every(Buffer.isBuffer), snapshot.snapshot.node_count > 0);
    fs.rmSync(tmp, { recursive: true });
  });
}

attempt('near limit zero', () => v8.setHeapSnapshotNearHeapLimit(0));
attempt('near limit type', () => v8.setHeapSnapshotNearHeapLimit('1'));
attempt('near limit ok', () => v8.setHeapSnapshotNearHeapLimit(1));

console.log(Object.keys(v8.startupSnapshot), v8.startupSnapshot.isBuildingSnapshot());
attempt('addSerializeCallback', () => v8.startupSnapshot.addSerializeCallback(() => {}));
attempt('addDeserializeCallback', () => v8.startupSnapshot.addDeserializeCallback(() => {}));
attempt('setDeserializeMainFunction', () => v8.startupSnapshot.setDeserializeMainFunction(() => {}));

// Without NODE_V8_COVERAGE these do nothing.
console.log(v8.takeCoverage(), v8.stopCoverage());
