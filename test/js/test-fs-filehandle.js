'use strict';
// FileHandle methods and fs.promises on handles, compared with node's output
// (expected/test-fs-filehandle.stdout): argument forms of read/write and the shapes of their
// results, the position after whole-file reads and writes, and the errors of a closed handle.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-fs-fh-'));
const j = (...p) => path.join(dir, ...p);
const out = [];
const show = (v) => JSON.stringify(v, (k, x) => {
  if (typeof x === 'bigint') return `${x}n`;
  return Buffer.isBuffer(x) ? `<buf ${x.toString('hex')}>` : x;
});
async function t(label, fn) {
  try {
    out.push(`${label} => ${show(await fn())}`);
  } catch (e) {
    out.push(`${label} !! ${e.name} ${e.code} ${String(e.message).split(dir).join('D')}`);
  }
}

(async () => {
  fs.writeFileSync(j('f'), 'abcdef');
  const fh = await fsp.open(j('f'), 'r+');
  await t('read()', async () => { const r = await fh.read(); return [r.bytesRead, r.buffer.length, Object.keys(r)]; });
  await t('read(buf, 2)', async () => { const b = Buffer.alloc(6); const r = await fh.read(b, 2); return [r.bytesRead, b]; });
  await t('read(buf, 0, 2, 1)', async () => { const b = Buffer.alloc(6); const r = await fh.read(b, 0, 2, 1); return [r.bytesRead, b]; });
  await t('read(buf, {position:3})', async () => { const b = Buffer.alloc(6); const r = await fh.read(b, { position: 3 }); return [r.bytesRead, b]; });
  await t('read({buffer, length:2})', async () => { const b = Buffer.alloc(6); const r = await fh.read({ buffer: b, length: 2, position: 0 }); return [r.bytesRead, b]; });
  await t('read(null)', async () => { const r = await fh.read(null); return [r.bytesRead, r.buffer.length]; });
  await t('read(buf, 7)', async () => fh.read(Buffer.alloc(6), 7));
  await t('read(buf, 0, 7)', async () => fh.read(Buffer.alloc(6), 0, 7));
  await t('read(buf, 0, 0)', async () => { const r = await fh.read(Buffer.alloc(6), 0, 0); return r.bytesRead; });
  await t('write("XY", 0)', async () => { const r = await fh.write('XY', 0); return [r.bytesWritten, r.buffer, Object.keys(r)]; });
  await t('write(buf)', async () => { const r = await fh.write(Buffer.from('Z'), 0, 1, 5); return [r.bytesWritten]; });
  await t('write(buf, {offset:1, position:2})', async () => { const r = await fh.write(Buffer.from('QRS'), { offset: 1, position: 2 }); return [r.bytesWritten]; });
  await t('write(5)', async () => fh.write(5));
  await t('write("a", 1.5)', async () => (await fh.write('a', 1.5)).bytesWritten);
  await t('content', async () => fs.readFileSync(j('f'), 'utf8'));
  await t('readv', async () => { const a = Buffer.alloc(2), b = Buffer.alloc(2); const r = await fh.readv([a, b], 1); return [r.bytesRead, a, b, Object.keys(r)]; });
  await t('writev', async () => { const r = await fh.writev([Buffer.from('1'), Buffer.from('2')], 0); return [r.bytesWritten, Object.keys(r)]; });
  await t('stat', async () => (await fh.stat()).size);
  await t('truncate(-1)', async () => { await fh.truncate(-1); return (await fh.stat()).size; });
  await t('truncate("x")', async () => fh.truncate('x'));
  await t('writeFile', async () => { await fh.writeFile('hello', 'utf8'); return fs.readFileSync(j('f'), 'utf8'); });
  await t('appendFile', async () => { await fh.appendFile(Buffer.from('!')); return fs.readFileSync(j('f'), 'utf8'); });
  await t('readFile', async () => fh.readFile({ encoding: 'utf8' }));
  await t('readFile pos0', async () => { await fh.read(Buffer.alloc(1), 0, 1, 0); return fh.readFile('utf8'); });
  await t('chmod("x")', async () => fh.chmod('x'));
  await t('utimes', async () => { await fh.utimes(1, 2); return (await fh.stat()).mtimeMs; });
  await t('sync', async () => fh.sync());
  await t('datasync', async () => fh.datasync());
  await t('getAsyncId type', async () => typeof fh.getAsyncId());
  await t('close', async () => fh.close());
  await t('closed read', async () => fh.read(Buffer.alloc(1)));
  await t('closed write', async () => fh.write('x'));
  await t('closed readFile', async () => fh.readFile());
  await t('closed writeFile', async () => fh.writeFile('x'));
  await t('closed truncate', async () => fh.truncate());
  await t('closed sync', async () => fh.sync());
  await t('closed chmod', async () => fh.chmod(0o644));
  await t('closed utimes', async () => fh.utimes(1, 1));
  await t('fsp.readFile(fh closed)', async () => fsp.readFile(fh));
  await t('fsp.open(dir, "w")', async () => fsp.open(dir, 'w'));
  await t('fsp.writeFile iter path', async () => { await fsp.writeFile(j('g'), new Set(['a', 'b'])); return fs.readFileSync(j('g'), 'utf8'); });
  await t('fsp.appendFile flag', async () => { await fsp.appendFile(j('g'), 'c', { flag: 'w' }); return fs.readFileSync(j('g'), 'utf8'); });
  await t('fs.appendFileSync flag', async () => { fs.appendFileSync(j('g'), 'd', { flag: 'w' }); return fs.readFileSync(j('g'), 'utf8'); });
  await t('fsp.writeFile(fh,...) pos', async () => { const h = await fsp.open(j('g'), 'r+'); await h.read(Buffer.alloc(1), 0, 1, null); await fsp.writeFile(h, 'Z'); await h.close(); return fs.readFileSync(j('g'), 'utf8'); });
  const fh2 = await fsp.open(j('g'));
  await fh2.close();
  await t('fsp.writeFile(closed)', () => fsp.writeFile(fh2, 'x'));
  await t('fsp.appendFile(closed)', () => fsp.appendFile(fh2, 'x'));
  await t('fsp.readFile(closed)', () => fsp.readFile(fh2));
  await t('createReadStream(closed)', () => fh2.createReadStream());
  console.log(out.join('\n'));
  fs.rmSync(dir, { recursive: true });
})();
