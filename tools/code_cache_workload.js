'use strict';
// Run by the build's first stage (RINGJS_CODE_CACHE_OUT set): every builtin this loads, and
// every function of theirs it runs, ends up precompiled in ringjs's embedded code cache.
// What a typical script does at start-up: print, inspect, read files, use timers and promises,
// load the common modules. It must not depend on the network or on the machine.
const fs = require('fs');
const path = require('path');
const util = require('util');
const { EventEmitter } = require('events');
const { Readable, Writable, pipeline } = require('stream');

for (const name of ['os', 'url', 'querystring', 'string_decoder', 'assert', 'buffer',
                    'child_process', 'crypto', 'zlib', 'http', 'https', 'net', 'dns', 'readline',
                    'timers/promises', 'fs/promises', 'stream/promises', 'worker_threads',
                    'async_hooks', 'perf_hooks', 'tty', 'module', 'vm']) {
  require(name);
}

console.log('%s %d %j', 'text', 42, { a: 1 });
console.error(util.inspect({ nested: { array: [1, 'two', null], map: new Map([[1, 2]]) } }));
util.format('%o', [new Date(0), /re/g, Symbol('s'), 10n, () => {}]);
const source = fs.readFileSync(__filename, 'utf8');
path.join(path.dirname(__filename), '..', path.basename(__filename, '.js'));
new URL('https://example.com/a?b=c#d').searchParams.get('b');
Buffer.from(source).toString('base64');
JSON.parse(JSON.stringify({ list: [1, 2, 3] }));

const emitter = new EventEmitter();
emitter.on('event', () => {});
emitter.emit('event');

process.nextTick(() => {});
setImmediate(() => {});
setTimeout(async () => {
  await fs.promises.readFile(__filename);
  await new Promise((resolve) => fs.stat(__filename, resolve));
  const chunks = [];
  await new Promise((resolve, reject) => pipeline(
    Readable.from(['a', 'b']),
    new Writable({ write(chunk, encoding, callback) { chunks.push(chunk); callback(); } }),
    (error) => (error ? reject(error) : resolve())));
}, 1);
