'use strict';
// fs.openAsBlob() against node 20's output: the Blob reads the file when it is read (size and
// type at once; text, arrayBuffer, slices, blobs made of it, streams in 64 KiB chunks), and a
// file changed, touched or removed since, or a directory, fails with NotReadableError.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-blob-'));
const j = (name) => path.join(dir, name);
const errInfo = (e) => `${e.name} ${e.code} ${e.message} ${e instanceof DOMException}`;
const attempt = async (label, fn) => {
  try {
    console.log(label, await fn());
  } catch (e) {
    console.log(label, 'fails:', errInfo(e));
  }
};
const chunkSizes = async (stream) => {
  const sizes = [];
  for await (const chunk of stream) sizes.push(`${chunk.constructor.name}:${chunk.length}`);
  return sizes.join(' ');
};

(async () => {
  fs.writeFileSync(j('text'), 'hello blob world');
  const promise = fs.openAsBlob(j('text'));
  console.log('returns a promise:', promise instanceof Promise, fs.openAsBlob.length);
  const blob = await promise;
  console.log(Object.prototype.toString.call(blob), blob.constructor.name, blob.size,
              JSON.stringify(blob.type));
  await attempt('text:', () => blob.text());
  await attempt('slice:', () => blob.slice(6, 10).text());
  await attempt('negative slice:', () => blob.slice(-5).text());
  await attempt('arrayBuffer:', async () => Buffer.from(await blob.arrayBuffer()).toString());
  await attempt('made of it:', () => new Blob(['<', blob.slice(0, 5), '|', blob, '>']).text());
  await attempt('stream:', () => chunkSizes(blob.stream()));
  console.log('type:', (await fs.openAsBlob(j('text'), { type: 'Text/Plain' })).type);

  const kept = blob.slice(0, 5);
  fs.writeFileSync(j('text'), 'changed!');
  await attempt('after a change:', () => blob.text());
  await attempt('slice after a change:', () => kept.text());
  await attempt('arrayBuffer after a change:', () => blob.arrayBuffer());
  await attempt('stream after a change:', () => chunkSizes(blob.stream()));

  const touched = await fs.openAsBlob(j('text'));
  fs.utimesSync(j('text'), new Date(1e12), new Date(1e12));
  await attempt('after a touch:', () => touched.text());

  const removed = await fs.openAsBlob(j('text'));
  fs.unlinkSync(j('text'));
  await attempt('after unlink:', () => removed.text());

  fs.writeFileSync(j('empty'), '');
  const empty = await fs.openAsBlob(j('empty'));
  await attempt('empty:', async () => `${empty.size} ${JSON.stringify(await empty.text())}`);
  await attempt('empty stream:', () => chunkSizes(empty.stream()));

  const big = Buffer.alloc(200000);
  for (let i = 0; i < big.length; i++) big[i] = i % 251;
  fs.writeFileSync(j('big'), big);
  const bigBlob = await fs.openAsBlob(j('big'));
  await attempt('big stream:', () => chunkSizes(bigBlob.stream()));
  await attempt('big slice stream:', () => chunkSizes(bigBlob.slice(1000, 150000).stream()));
  await attempt('big contents:', async () =>
    Buffer.from(await bigBlob.slice(70000, 140000).arrayBuffer()).equals(big.subarray(70000, 140000)));

  const dirBlob = await fs.openAsBlob(dir);
  console.log('directory blob size is a number:', typeof dirBlob.size);
  await attempt('directory text:', () => dirBlob.text());

  for (const [label, call] of [
    ['missing', () => fs.openAsBlob(j('missing'))],
    ['number path', () => fs.openAsBlob(1)],
    ['type 1', () => fs.openAsBlob(j('big'), { type: 1 })],
    ['options null', () => fs.openAsBlob(j('big'), null)],
  ]) {
    try {
      await call();
      console.log(label, 'resolves');
    } catch (e) {
      console.log(label, 'throws:', e.name, e.code, e.message.split('\n')[0]);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
})();
