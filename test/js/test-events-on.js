'use strict';
// events.on(emitter, name, options): the async iterator.
const assert = require('assert');
const { on, EventEmitter } = require('events');

async function main() {
  {
    // Events emitted before and while iterating, in order, as argument arrays.
    const e = new EventEmitter();
    const it = on(e, 'foo');
    e.emit('foo', 1);
    e.emit('foo', 2, 3);
    const got = [];
    process.nextTick(() => e.emit('foo', 4));
    for await (const args of it) {
      got.push(args);
      if (got.length === 3) break; // calls return()
    }
    assert.deepStrictEqual(got, [[1], [2, 3], [4]]);
    assert.strictEqual(e.listenerCount('foo'), 0);
    assert.strictEqual(e.listenerCount('error'), 0);
  }

  {
    // The iterator object.
    const e = new EventEmitter();
    const it = on(e, 'foo');
    assert.strictEqual(it[Symbol.asyncIterator](), it);
    assert.deepStrictEqual(Object.keys(it), ['next', 'return', 'throw']);
    const AsyncIteratorPrototype =
      Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);
    assert.strictEqual(Object.getPrototypeOf(it), AsyncIteratorPrototype);
    const wm = it[Symbol.for('nodejs.watermarkData')];
    assert.deepStrictEqual([wm.size, wm.low, wm.high, wm.isPaused],
                           [0, 1, Number.MAX_SAFE_INTEGER, false]);
    assert.deepStrictEqual(await it.return(), { value: undefined, done: true });
    assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
    assert.strictEqual(e.listenerCount('foo'), 0);
  }

  {
    // 'error' rejects the pending next() and ends iteration.
    const e = new EventEmitter();
    const it = on(e, 'foo');
    const err = new Error('boom');
    const p = it.next();
    e.emit('error', err);
    await assert.rejects(p, (got) => got === err);
    assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
    assert.strictEqual(e.listenerCount('error'), 0);
  }

  {
    // An error with nothing pending is delivered after the queued events.
    const e = new EventEmitter();
    const it = on(e, 'foo');
    e.emit('foo', 'a');
    e.emit('error', new Error('later'));
    e.emit('foo', 'ignored: listeners are gone');
    assert.deepStrictEqual(await it.next(), { value: ['a'], done: false });
    await assert.rejects(it.next(), { message: 'later' });
    assert.deepStrictEqual(await it.next(), { value: undefined, done: true });
  }

  {
    // throw(err) ends iteration with err; it needs an Error.
    const e = new EventEmitter();
    const it = on(e, 'foo');
    const p = it.next();
    assert.throws(() => it.throw('nope'), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "EventEmitter.AsyncIterator" property must be an instance of Error. ' +
               "Received type string ('nope')",
    });
    assert.throws(() => it.throw(), { code: 'ERR_INVALID_ARG_TYPE' });
    const err = new Error('thrown');
    assert.strictEqual(it.throw(err), undefined);
    await assert.rejects(p, (got) => got === err);
    assert.strictEqual(e.listenerCount('foo'), 0);
  }

  {
    // close: events that end iteration.
    const e = new EventEmitter();
    const it = on(e, 'data', { close: ['end', 'close'] });
    process.nextTick(() => {
      e.emit('data', 1);
      e.emit('data', 2);
      e.emit('end');
      e.emit('data', 3);
    });
    const got = [];
    for await (const [v] of it) got.push(v);
    assert.deepStrictEqual(got, [1, 2]);
    assert.strictEqual(e.listenerCount('end'), 0);
    assert.strictEqual(e.listenerCount('close'), 0);
  }

  {
    // Abort signal.
    const e = new EventEmitter();
    const ac = new AbortController();
    const it = on(e, 'foo', { signal: ac.signal });
    const p = it.next();
    ac.abort('r');
    await assert.rejects(p, (err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.cause, 'r');
      return true;
    });
    assert.strictEqual(e.listenerCount('foo'), 0);
    assert.throws(() => on(e, 'foo', { signal: ac.signal }), { name: 'AbortError' });
    assert.throws(() => on(e, 'foo', { signal: 1 }), { code: 'ERR_INVALID_ARG_TYPE' });
    // options is not validated as an object.
    on(e, 'foo', 1).return();
    assert.throws(() => on(e, 'foo', null), TypeError);
  }

  {
    // Watermarks: pause above highWaterMark, resume at lowWaterMark.
    const e = new EventEmitter();
    const log = [];
    e.pause = () => log.push('pause');
    e.resume = () => log.push('resume');
    const it = on(e, 'd', { highWaterMark: 3, lowWaterMark: 1 });
    const wm = it[Symbol.for('nodejs.watermarkData')];
    for (let i = 0; i < 5; i++) e.emit('d', i);
    assert.deepStrictEqual(log, ['pause']);
    assert.strictEqual(wm.size, 5);
    assert.strictEqual(wm.isPaused, true);
    for (let i = 0; i < 4; i++) await it.next();
    assert.deepStrictEqual(log, ['pause']); // 1 left: not below lowWaterMark yet
    assert.strictEqual(wm.size, 1);
    assert.deepStrictEqual(await it.next(), { value: [4], done: false });
    assert.deepStrictEqual(log, ['pause', 'resume']);
    assert.strictEqual(wm.isPaused, false);
    assert.strictEqual(wm.size, 0);
    assert.throws(() => on(e, 'd', { highWaterMark: 0 }), {
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "options.highWaterMark" is out of range. It must be >= 1 && ' +
               '<= 9007199254740991. Received 0',
    });
    assert.throws(() => on(e, 'd', { lowWaterMark: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
    // The old spellings work too.
    const it2 = on(e, 'd', { highWatermark: 7, lowWatermark: 2 });
    assert.strictEqual(it2[Symbol.for('nodejs.watermarkData')].high, 7);
    assert.strictEqual(it2[Symbol.for('nodejs.watermarkData')].low, 2);
    await it2.return();
    await it.return();
  }

  {
    // EventTarget.
    const t = new EventTarget();
    const it = on(t, 'ping');
    const ev = new Event('ping');
    t.dispatchEvent(ev);
    assert.deepStrictEqual(await it.next(), { value: [ev], done: false });
    await it.return();
    assert.deepStrictEqual(EventEmitter.getEventListeners(t, 'ping'), []);
  }

  {
    // Several pending next() calls are resolved in order.
    const e = new EventEmitter();
    const it = on(e, 'x');
    const p1 = it.next();
    const p2 = it.next();
    const p3 = it.next();
    e.emit('x', 1);
    e.emit('x', 2);
    await it.return();
    assert.deepStrictEqual(await p1, { value: [1], done: false });
    assert.deepStrictEqual(await p2, { value: [2], done: false });
    assert.deepStrictEqual(await p3, { value: undefined, done: true });
  }
}

main().then(() => { process.exitCode = 0; }, (err) => { process.exitCode = 1; throw err; });
