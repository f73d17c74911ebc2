'use strict';
// --redirect-warnings=file and NODE_REDIRECT_WARNINGS append warnings to a file instead of
// stderr; under --pending-deprecation a non-primitive process.env value warns once (DEP0104).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-warn-'));
const clean = (text) => text.replace(/\((node|ringjs):\d+\)/g, '(PID)')
  .replace(/`(node|ringjs) --/g, '`RUNTIME --');
const script = `
  process.emitWarning('first warning');
  process.emitWarning('second', 'CustomWarning', 'CODE1');
  process.env.RINGJS_TEST_OBJ = {};
  process.env.RINGJS_TEST_OBJ2 = [1, 2];
  process.env.RINGJS_TEST_NUM = 5;
  console.log('env values', process.env.RINGJS_TEST_OBJ, process.env.RINGJS_TEST_OBJ2,
              process.env.RINGJS_TEST_NUM);
`;

function run(name, execArgv, extraEnv) {
  const file = path.join(dir, `${name}.txt`);
  const env = { ...process.env, ...extraEnv };
  delete env.NODE_OPTIONS;
  if (extraEnv.NODE_REDIRECT_WARNINGS === 'FILE') env.NODE_REDIRECT_WARNINGS = file;
  const args = execArgv.map((a) => a.replace('FILE', file));
  const child = spawnSync(process.execPath, [...args, '-e', script], { env, encoding: 'utf8' });
  console.log(`== ${name}: exit ${child.status}`);
  console.log('stdout:', JSON.stringify(child.stdout));
  console.log('stderr:', JSON.stringify(clean(child.stderr)));
  const written = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(no file)';
  console.log('file:', JSON.stringify(clean(written)));
}

run('flag', ['--redirect-warnings=FILE'], {});
run('flag-separate', ['--redirect-warnings', 'FILE'], {});
run('env', [], { NODE_REDIRECT_WARNINGS: 'FILE' });
run('pending', ['--pending-deprecation', '--redirect-warnings=FILE'], {});
run('pending-stderr', ['--pending-deprecation'], {});
run('unwritable', [`--redirect-warnings=${path.join(dir, 'missing', 'x.txt')}`], {});
fs.rmSync(dir, { recursive: true, force: true });
