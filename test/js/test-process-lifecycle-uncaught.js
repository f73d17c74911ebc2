'use strict';
// With an 'uncaughtException' listener, errors thrown from the main module, timers,
// immediates, nextTicks and microtasks reach it and the process keeps going: the rest of the
// queue runs, later timers fire, and the exit status is 0. 'uncaughtExceptionMonitor' sees
// each error first.
const log = (s) => process.stdout.write(`${s}\n`);

const describe = (err) => (err instanceof Error ? err.message : JSON.stringify(err));
process.on('uncaughtExceptionMonitor', (err, origin) => {
  log(`monitor: ${describe(err)} (${origin})`);
});
process.on('uncaughtException', (err, origin) => {
  log(`handler: ${describe(err)} (${origin})`);
});
process.on('exit', (code) => log(`exit ${code}`));

process.nextTick(() => {
  log('tick 1');
  throw new Error('from tick');
});
process.nextTick(() => log('tick 2 still runs'));
Promise.resolve().then(() => log('promise after throwing tick'));
queueMicrotask(() => {
  log('microtask 1');
  throw new Error('from queueMicrotask');
});
queueMicrotask(() => log('microtask 2 still runs'));

// Ticks left behind by a tick that threw run at the latest when the next check phase starts,
// before its first immediate (a timer racing them would not be deterministic: start timers from
// an immediate).
setImmediate(() => {
  log('first immediate');
  setTimeout(() => {
    log('timer 1');
    process.nextTick(() => log('tick queued by timer 1 runs'));
    throw new Error('from timer');
  }, 1);
  setTimeout(timer2, 1);
  // Both timers must be due in the same timers phase: the loop clock may tick between their
  // creations, so wait until it certainly passed both deadlines.
  const until = Date.now() + 5;
  while (Date.now() < until);
});

function timer2() {
  log('timer 2 (same list) still runs');
  setImmediate(() => {
    log('immediate 1');
    throw new Error('from immediate');
  });
  setImmediate(() => {
    log('immediate 2 still runs');
    const iv = setInterval(() => {
      log('interval run');
      if (++runs === 2) {
        clearInterval(iv);
        nonError();
      }
      throw new Error(`from interval ${runs}`);
    }, 1);
  });
}
let runs = 0;

function nonError() {
  setTimeout(() => {
    // Throwing a non-Error value.
    // eslint-disable-next-line no-throw-literal
    throw { custom: 'object' };
  }, 1);
  setTimeout(() => {
    // eslint-disable-next-line no-throw-literal
    throw 42;
  }, 1);
  setTimeout(() => {
    // Errors in a callback of an EventEmitter 'error' without listener.
    const EventEmitter = require('events');
    leftBehind();
    new EventEmitter().emit('error', new Error('emitter error'));
  }, 1);
}

function leftBehind() {
  // A tick throws at the end of an immediate; a timer that is already due when the loop comes
  // round runs before the ticks the throwing one left behind.
  setImmediate(() => {
    log('immediate before leftover ticks');
    setTimeout(() => log('due timer runs before the leftover ticks'), 1);
    const until = Date.now() + 5;
    while (Date.now() < until);
    process.nextTick(() => {
      log('throwing tick');
      throw new Error('from last tick');
    });
    process.nextTick(() => log('leftover tick'));
    Promise.resolve().then(() => log('leftover promise'));
  });
}

log('main: about to throw');
throw new Error('from main');
