'use strict';
// The example `make run` starts: a little of everything that works today.
const os = require('os');
const path = require('path');
const { EventEmitter } = require('events');

const greeter = new EventEmitter();
greeter.on('greet', (name) => console.log(`hello, ${name}!`));
greeter.emit('greet', 'ringjs');

console.log('running on %s/%s, node API %s', process.platform, process.arch, process.version);
console.log('this file:', path.relative(process.cwd(), __filename));
console.log({ cpus: os.cpus().length, loop: process.versions.uring ? 'io_uring-capable' : 'epoll' });

setTimeout(() => console.log('timer fired'), 10);
setImmediate(() => console.log('immediate ran'));
process.nextTick(() => console.log('nextTick ran'));
Promise.resolve().then(() => console.log('promise resolved'));
