'use strict';
// Exit detection under load: many concurrent children with distinct exit codes and signals, a
// user's process.on('SIGCHLD') listener alongside, spawnSync while async children run, and
// children that outlive their stdout. Runs itself twice more as a child: once normally and
// once with RINGJS_CHILD_WAIT=sigchld, which makes ringjs use its SIGCHLD fallback instead of
// pidfds (node ignores the variable).
const assert = require('assert');
const cp = require('child_process');

if (process.argv[2] === 'worker') {
  runWorker();
} else {
  let finished = 0;
  for (const mode of ['pidfd', 'sigchld']) {
    const env = { ...process.env };
    if (mode === 'sigchld') env.RINGJS_CHILD_WAIT = 'sigchld';
    cp.execFile(process.execPath, [__filename, 'worker'], { env }, (err, stdout, stderr) => {
      assert.strictEqual(err, null, `${mode}: ${stderr}`);
      assert.strictEqual(stdout, 'worker ok\n');
      finished++;
    });
  }
  process.on('exit', () => assert.strictEqual(finished, 2));
}

function runWorker() {
  // A listener of our own for SIGCHLD must not take exits away from child_process.
  process.on('SIGCHLD', () => {});
  const count = 24;
  const results = new Map();
  for (let i = 0; i < count; i++) {
    const script = i % 4 === 3 ? 'kill -TERM $$' : `exit ${i}`;
    const child = cp.spawn('/bin/sh', ['-c', script], { stdio: 'ignore' });
    child.on('exit', (code, signal) => results.set(i, [code, signal]));
  }
  // A synchronous child in the middle is reaped by spawnSync alone.
  assert.strictEqual(cp.spawnSync('/bin/sh', ['-c', 'exit 9']).status, 9);
  // A child whose grandchild keeps stdout open: 'exit' comes first, 'close' after the pipe
  // closes.
  const events = [];
  const holder = cp.spawn('/bin/sh', ['-c', '(sleep 0.3; echo late) & echo early']);
  let out = '';
  holder.stdout.on('data', (d) => out += d);
  holder.on('exit', () => events.push('exit'));
  holder.on('close', () => events.push('close'));
  process.on('exit', () => {
    assert.strictEqual(results.size, count);
    for (let i = 0; i < count; i++) {
      const expected = i % 4 === 3 ? [null, 'SIGTERM'] : [i, null];
      assert.deepStrictEqual(results.get(i), expected, `child ${i}`);
    }
    assert.deepStrictEqual(events, ['exit', 'close']);
    assert.strictEqual(out, 'early\nlate\n');
    process.stdout.write('worker ok\n');
  });
}
