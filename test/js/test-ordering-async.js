'use strict';
// async functions, await chains and thenables against plain promise chains and ticks. The
// number of microtask hops each form takes is observable and fixed by the spec (and V8).
const log = (s) => process.stdout.write(`${s}\n`);

async function a1() {
  log('a1 start');
  await undefined;
  log('a1 after await undefined');
  await null;
  log('a1 after await null');
  return 'a1 value';
}

async function a2() {
  log('a2 start');
  const v = await a1();
  log(`a2 got ${v}`);
  return Promise.resolve('a2 value'); // returning a promise costs two extra hops
}

async function a3() {
  const thenable = {
    then(resolve) {
      log('thenable.then called');
      resolve('from thenable');
    },
  };
  const v = await thenable;
  log(`a3 got ${v}`);
}

async function a4() {
  try {
    await Promise.reject(new Error('boom'));
  } catch (e) {
    log(`a4 caught ${e.message}`);
  } finally {
    log('a4 finally');
  }
}

const asyncArrow = async (x) => x * 2;

log('start');
a2().then((v) => log(`a2 resolved ${v}`));
a3();
a4();
asyncArrow(21).then((v) => log(`asyncArrow ${v}`));

// A plain chain to interleave with.
Promise.resolve()
  .then(() => log('chain 1'))
  .then(() => log('chain 2'))
  .then(() => log('chain 3'))
  .then(() => log('chain 4'))
  .then(() => log('chain 5'))
  .then(() => log('chain 6'));

// Promise.resolve(thenable) calls then in a later microtask.
Promise.resolve({ then(r) { log('resolve(thenable).then'); r('t'); } })
  .then((v) => log(`resolve(thenable) -> ${v}`));

// Resolving with a native promise: two extra hops.
new Promise((r) => r(Promise.resolve('nested'))).then((v) => log(`nested -> ${v}`));

// A thenable that throws rejects the promise.
Promise.resolve({ then() { throw new Error('then threw'); } })
  .catch((e) => log(`thenable threw -> ${e.message}`));

// await inside a nextTick and a tick inside an async function.
process.nextTick(async () => {
  log('tick async start');
  await 0;
  log('tick async after await');
});
(async () => {
  process.nextTick(() => log('tick from async body'));
  await new Promise((r) => setImmediate(r));
  log('async after immediate');
  await new Promise((r) => setTimeout(r, 1));
  log('async after timeout');
  for await (const x of (async function* gen() { yield 1; yield 2; })()) {
    log(`for await ${x}`);
  }
  log('async generator done');
})();
log('end');
