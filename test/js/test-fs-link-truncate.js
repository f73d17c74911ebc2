'use strict';
// link, symlink and ftruncate/truncate (on the ring where the kernel has them): results and
// errors as node's, in the callback and promise forms; paths masked in the output.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-link-'));
const mask = (s) => String(s).split(dir).join('<dir>');
const j = (name) => path.join(dir, name);
const errInfo = (err) => (err ? `${err.code} ${err.syscall} ${mask(err.message)}` : 'ok');
fs.writeFileSync(j('orig'), '0123456789');

const cb = (name, resolve) => (err) => {
  console.log(name, errInfo(err));
  resolve();
};
const step = (name, start) => new Promise((resolve) => start(cb(name, resolve)));
const prom = (name, promise) => promise.then(() => console.log(name, 'ok'),
                                             (err) => console.log(name, errInfo(err)));

async function main() {
  await step('link', (done) => fs.link(j('orig'), j('hard'), done));
  console.log('nlink', fs.statSync(j('orig')).nlink, fs.readFileSync(j('hard'), 'utf8'));
  await step('link exists', (done) => fs.link(j('orig'), j('hard'), done));
  await step('link missing', (done) => fs.link(j('missing'), j('x'), done));
  await prom('promises.link', fs.promises.link(j('orig'), j('hard2')));
  await prom('promises.link exists', fs.promises.link(j('orig'), j('hard2')));

  await step('symlink', (done) => fs.symlink('orig', j('soft'), done));
  console.log('readlink', fs.readlinkSync(j('soft')), fs.readFileSync(j('soft'), 'utf8'));
  await step('symlink dir type', (done) => fs.symlink('sub', j('soft-dir'), 'dir', done));
  console.log('dangling', fs.readlinkSync(j('soft-dir')), fs.existsSync(j('soft-dir')));
  await step('symlink exists', (done) => fs.symlink('orig', j('soft'), done));
  await step('symlink no parent', (done) => fs.symlink('orig', j('none/soft'), done));
  await prom('promises.symlink', fs.promises.symlink('orig', j('soft2')));
  await prom('promises.symlink exists', fs.promises.symlink('orig', j('soft2')));

  const fd = fs.openSync(j('orig'), 'r+');
  await step('ftruncate 4', (done) => fs.ftruncate(fd, 4, done));
  console.log('size', fs.fstatSync(fd).size, fs.readFileSync(j('orig'), 'utf8'));
  await step('ftruncate default', (done) => fs.ftruncate(fd, done));
  console.log('size', fs.fstatSync(fd).size);
  await step('ftruncate grow', (done) => fs.ftruncate(fd, 70000, done));
  console.log('size', fs.fstatSync(fd).size);
  fs.closeSync(fd);
  await step('ftruncate closed fd', (done) => fs.ftruncate(fd, 1, done));
  const ro = fs.openSync(j('orig'), 'r');
  await step('ftruncate read-only fd', (done) => fs.ftruncate(ro, 1, done));
  fs.closeSync(ro);
  await step('truncate path', (done) => fs.truncate(j('hard'), 2, done));
  console.log('size', fs.statSync(j('orig')).size);
  await prom('promises.truncate', fs.promises.truncate(j('orig'), 5));
  console.log('size', fs.statSync(j('orig')).size);
  const handle = await fs.promises.open(j('orig'), 'r+');
  await prom('handle.truncate', handle.truncate(1));
  await handle.close();
  console.log('size', fs.statSync(j('orig')).size);
  await step('truncate dir', (done) => fs.truncate(dir, 0, done));
}

main().then(() => fs.rmSync(dir, { recursive: true, force: true }));
