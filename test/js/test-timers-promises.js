'use strict';
// timers/promises without signals: values, ordering against callbacks and microtasks, the
// setInterval async iterator, scheduler.wait/yield, validation errors (as rejections or,
// for setInterval, as the first next() throwing), ref: false, util.promisify.
const tp = require('timers/promises');
const timers = require('timers');
const util = require('util');
const log = (s) => process.stdout.write(`${s}\n`);
const err = (e) => `${e.name} ${e.code} ${e.message}`;

log(`exports: ${Object.keys(tp).join(',')}`);
log(`same module: ${require('node:timers/promises') === tp} ${timers.promises === tp}`);
log(`promisify: ${util.promisify(setTimeout) === tp.setTimeout} ` +
    `${util.promisify(setImmediate) === tp.setImmediate}`);
log(`scheduler: ${Object.getPrototypeOf(tp.scheduler).constructor.name} ` +
    `${Object.getOwnPropertyNames(Object.getPrototypeOf(tp.scheduler)).join(',')}`);
log(`lengths: setTimeout ${tp.setTimeout.length} setImmediate ${tp.setImmediate.length} ` +
    `setInterval ${tp.setInterval.length}`);
log(`setInterval returns an async generator: ${Object.prototype.toString.call(tp.setInterval(1))}`);

async function main() {
  log(`setTimeout value: ${await tp.setTimeout(1, 'v1')}`);
  log(`setTimeout no value: ${await tp.setTimeout(1)}`);
  log(`setTimeout no delay: ${await tp.setTimeout()}`);
  log(`setImmediate value: ${await tp.setImmediate('v2')}`);
  log(`setImmediate no value: ${await tp.setImmediate()}`);
  log(`util.promisify(setTimeout): ${await util.promisify(setTimeout)(1, 'v3')}`);
  log(`scheduler.wait: ${await tp.scheduler.wait(1)}`);
  log(`scheduler.yield: ${await tp.scheduler.yield()}`);
  const obj = { o: 1 };
  log(`same object: ${(await tp.setTimeout(1, obj)) === obj}`);

  // Ordering inside a callback (deterministic from a timer callback: immediates first).
  await new Promise((resolve) => setTimeout(() => {
    const order = [];
    tp.setTimeout(1).then(() => order.push('promise timeout'));
    tp.setImmediate().then(() => order.push('promise immediate'));
    setImmediate(() => order.push('callback immediate'));
    process.nextTick(() => order.push('tick'));
    setTimeout(() => {
      order.push('callback timeout');
      setImmediate(() => { log(`order: ${order.join(', ')}`); resolve(); });
    }, 1);
  }, 1));

  // Equal delays resolve in creation order, interleaved with callback timers of that delay.
  const seq = [];
  await Promise.all([
    tp.setTimeout(3, 'a').then((v) => seq.push(v)),
    new Promise((r) => setTimeout(() => { seq.push('cb'); r(); }, 3)),
    tp.setTimeout(3, 'b').then((v) => seq.push(v)),
  ]);
  log(`equal delays: ${seq.join(',')}`);

  // The interval iterator.
  let n = 0;
  for await (const v of tp.setInterval(1, 'tick')) {
    n++;
    if (n === 3) {
      log(`interval yielded ${v} ${n} times`);
      break;
    }
  }
  const it = tp.setInterval(2);
  log(`interval next: ${JSON.stringify(await it.next())}`);
  log(`interval return: ${JSON.stringify(await it.return('done'))}`);
  log(`interval after return: ${JSON.stringify(await it.next())}`);
  // Ticks that arrive while the consumer is busy are not lost: they are yielded back to back.
  const busy = tp.setInterval(1, 'b');
  await busy.next();
  await new Promise((r) => setTimeout(r, 20));
  const t0 = Date.now();
  await busy.next();
  log(`queued tick yielded without waiting: ${Date.now() - t0 < 1000}`);
  await busy.return();

  // Validation.
  const bad = [
    ['setTimeout("1")', () => tp.setTimeout('1')],
    ['setTimeout(1, v, null)', () => tp.setTimeout(1, 'v', null)],
    ['setTimeout(1, v, "x")', () => tp.setTimeout(1, 'v', 'x')],
    ['setTimeout(1, v, [])', () => tp.setTimeout(1, 'v', [])],
    ['setTimeout(1, v, {signal: 1})', () => tp.setTimeout(1, 'v', { signal: 1 })],
    ['setTimeout(1, v, {signal: null})', () => tp.setTimeout(1, 'v', { signal: null })],
    ['setTimeout(1, v, {ref: 1})', () => tp.setTimeout(1, 'v', { ref: 1 })],
    ['setImmediate(v, null)', () => tp.setImmediate('v', null)],
    ['setImmediate(v, {signal: {}})', () => tp.setImmediate('v', { signal: {} })],
    ['setImmediate(v, {ref: "no"})', () => tp.setImmediate('v', { ref: 'no' })],
    ['setInterval("1")', () => tp.setInterval('1').next()],
    ['setInterval(1, v, 5)', () => tp.setInterval(1, 'v', 5).next()],
    ['setInterval(1, v, {signal: 1})', () => tp.setInterval(1, 'v', { signal: 1 }).next()],
    ['setInterval(1, v, {ref: null})', () => tp.setInterval(1, 'v', { ref: null }).next()],
    ['scheduler.wait("x")', () => tp.scheduler.wait('x')],
    ['scheduler.wait(1, null)', () => tp.scheduler.wait(1, null)],
  ];
  for (const [name, fn] of bad) {
    let result;
    try {
      result = fn();
      log(`${name}: returned a ${result instanceof Promise ? 'promise' : typeof result}`);
      await result;
      log(`${name}: resolved (wrong)`);
    } catch (e) {
      log(`${name}: ${err(e)}`);
    }
  }
  // Errors that throw synchronously.
  for (const [name, fn] of [
    ['new Scheduler', () => new (Object.getPrototypeOf(tp.scheduler).constructor)()],
    ['wait on another this', () => tp.scheduler.wait.call({}, 1)],
    ['yield on another this', () => tp.scheduler.yield.call(null)],
  ]) {
    try {
      fn();
      log(`${name}: no error (wrong)`);
    } catch (e) {
      log(`${name}: ${err(e)}`);
    }
  }
  // Non-integer and out-of-range delays behave as in the callback API.
  log(`NaN delay: ${await tp.setTimeout(NaN, 'nan')}`);
  log(`negative delay: ${await tp.setTimeout(-10, 'neg')}`);
}

main().then(() => {
  // ref: false does not keep the process alive: neither promise ever settles.
  tp.setTimeout(60000, 'x', { ref: false }).then(() => log('unref timeout resolved (wrong)'));
  tp.setInterval(60000, 'x', { ref: false }).next().then(() => log('unref interval (wrong)'));
  process.on('exit', (code) => log(`exit ${code}`));
});
