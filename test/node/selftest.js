'use strict';
// The runner's own test (ctest compat-runner): runs the fixture tree under a runtime and checks
// each verdict, the per-test logs, --filter, and the doc rewrite between the markers.
//
//   node test/node/selftest.js RUNTIME      (RUNTIME: path to ringjs, or "node")

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const runtime = process.argv[2] || 'node';
const here = __dirname;
const tree = path.join(here, 'fixtures', 'tree');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-compat-selftest-'));

function run(name, extra) {
  const out = path.join(work, name);
  const r = spawnSync(process.execPath, [
    path.join(here, 'runner.js'), '--root', tree, '--list', path.join(here, 'fixtures', 'tests.list'),
    '--runtime', runtime, '--out', out, ...extra,
  ], { encoding: 'utf8', timeout: 120000 });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  assert.strictEqual(r.status, 0, `runner exited with ${r.status} ${r.signal}`);
  return { out, ...JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) };
}

try {
  const doc = path.join(work, 'doc.md');
  fs.copyFileSync(path.join(here, 'fixtures', 'doc.md'), doc);

  const started = Date.now();
  const full = run('full', ['--jobs', '2', '--timeout', '3', '--doc', doc]);
  const verdicts = Object.fromEntries(full.results.map((r) => [r.test, r]));
  const expected = {
    'test-fixture-pass.js': 'pass',
    'test-fixture-flags-ok.js': 'pass',
    'test-fixture-fail.js': 'fail',
    'test-fixture-exit-code.js': 'fail',
    'test-fixture-skip.js': 'skip',
    'test-fixture-hang.js': 'timeout',
    'test-fixture-crash.js': 'crash',
    // node rejects an unknown flag at start-up (a failure); other runtimes are asked first.
    'test-fixture-flags-bad.js': runtime === 'node' ? 'fail' : 'flags',
  };
  assert.deepStrictEqual(Object.keys(verdicts).sort(), Object.keys(expected).sort());
  for (const [test, verdict] of Object.entries(expected)) {
    assert.strictEqual(verdicts[test].verdict, verdict,
                       `${test}: ${verdicts[test].verdict} (${verdicts[test].reason}), expected ${verdict}`);
    assert.ok(fs.existsSync(path.join(full.out, 'logs', test.replace(/\.js$/, '.log'))), `no log for ${test}`);
  }
  assert.match(verdicts['test-fixture-fail.js'].reason, /^TypeError: fixture failure/);
  assert.strictEqual(verdicts['test-fixture-exit-code.js'].code, 3);
  assert.strictEqual(verdicts['test-fixture-skip.js'].reason, 'fixture skip');
  assert.strictEqual(verdicts['test-fixture-crash.js'].signal, 'SIGKILL');
  if (runtime !== 'node') assert.deepStrictEqual(verdicts['test-fixture-flags-bad.js'].unsupported, ['--no-such-flag-anywhere']);
  assert.match(fs.readFileSync(path.join(full.out, 'logs', 'test-fixture-fail.log'), 'utf8'),
               /--- stdout ---\nsome output first\n[^]*--- stderr ---\n[^]*fixture failure/);
  assert.ok(Date.now() - started < 60000, 'the hanging test was not killed at the timeout');

  // The table between the markers is rewritten; the rest of the document is kept.
  const text = fs.readFileSync(doc, 'utf8');
  assert.match(text, /^# Fixture document\n\nText before the markers stays\.\n<!-- compat:begin -->\n/);
  assert.match(text, /\n<!-- compat:end -->\n\n\| module \| status \|\n\|---\|---\|\n\| text after the markers \| stays \|\n$/);
  assert.doesNotMatch(text, /old table/);
  assert.match(text, /\| `good` \| 2 \/ 2 \| 100 % \|/);
  assert.match(text, /\| `bad` \| 0 \/ 6 \| 0 % \|/);
  assert.match(text, /\| \*\*overall\*\* \| \*\*2 \/ 8\*\* \| \*\*25 %\*\* \|/);
  assert.match(text, /source package \*\*fixture\*\*/);

  // --filter picks tests by name (or module); without --doc nothing is rewritten.
  const filtered = run('filter', ['--filter', 'pass|skip', '--no-doc']);
  assert.deepStrictEqual(filtered.results.map((r) => [r.test, r.verdict]).sort(),
                         [['test-fixture-pass.js', 'pass'], ['test-fixture-skip.js', 'skip']]);
  console.log('selftest: ok');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
