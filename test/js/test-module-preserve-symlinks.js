'use strict';
// --preserve-symlinks (or NODE_PRESERVE_SYMLINKS=1, also in a worker's env) keeps a symlinked
// dependency's path for resolving its own requires; the main module is still its real path
// unless --preserve-symlinks-main.
const { spawnSync } = require('child_process');
const { Worker } = require('worker_threads');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-preserve-'));
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
write('shared/dep1/index.js', 'module.exports = require("dep2");');
write('shared/node_modules/dep2/index.js', 'module.exports = "dep2 beside the real dep1";');
write('app/node_modules/dep2/index.js', 'module.exports = "dep2 beside the link";');
write('app/real/foo.js', 'module.exports = "foo next to the real main";');
write('app/real/main.js', `
  const path = require('path');
  console.log(require('./foo'), '|', require('dep1'), '|',
              path.relative(path.join(__dirname, '..'), __filename));
`);
fs.symlinkSync(path.join('..', '..', 'shared', 'dep1'), path.join(dir, 'app/node_modules/dep1'));
fs.symlinkSync(path.join('real', 'main.js'), path.join(dir, 'app/link.js'));
const cwd = path.join(dir, 'app');

function run(label, args, env = {}) {
  const child = spawnSync(process.execPath, [...args, 'link.js'], {
    cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  const error = /Cannot find module '[^']*'/.exec(child.stderr);
  console.log(`${label}: exit ${child.status}`, child.stdout.trim(), error ? error[0] : '');
}
run('default', []);
run('--preserve-symlinks', ['--preserve-symlinks']);
run('--preserve-symlinks-main', ['--preserve-symlinks-main']);
run('NODE_PRESERVE_SYMLINKS=1', [], { NODE_PRESERVE_SYMLINKS: '1' });
run('NODE_PRESERVE_SYMLINKS=0', [], { NODE_PRESERVE_SYMLINKS: '0' });

process.chdir(cwd);
const worker = new Worker('./link.js', {
  execArgv: [], env: { ...process.env, NODE_PRESERVE_SYMLINKS: '1' }, stdout: true,
});
let out = '';
worker.stdout.on('data', (chunk) => { out += chunk; });
worker.on('exit', (code) => {
  console.log(`worker with NODE_PRESERVE_SYMLINKS=1: exit ${code}`, out.trim());
  process.chdir(os.tmpdir());
  fs.rmSync(dir, { recursive: true, force: true });
});
