'use strict';
// events.getEventListeners, events.addAbortListener and events.listenerCount.
const assert = require('assert');
const { getEventListeners, addAbortListener, listenerCount, EventEmitter } = require('events');

// node 20 installs Symbol.dispose as Symbol.for('nodejs.dispose') (V8 has none yet).
const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

{
  const e = new EventEmitter();
  const f = () => {};
  const g = () => {};
  e.on('x', f);
  e.once('x', g);
  assert.deepStrictEqual(getEventListeners(e, 'x'), [f, g]); // unwrapped
  assert.deepStrictEqual(getEventListeners(e, 'y'), []);
  assert.strictEqual(listenerCount(e, 'x'), 2);
  // Anything with listeners() counts as an emitter.
  assert.deepStrictEqual(getEventListeners({ listeners: (t) => [t] }, 'q'), ['q']);
  // listenerCount falls back to the EventEmitter algorithm for foreign objects.
  assert.strictEqual(listenerCount({ _events: { a: [f, g] } }, 'a'), 2);
  assert.strictEqual(listenerCount({ listenerCount: () => 99 }, 'a'), 99);
}

{
  const t = new EventTarget();
  const f = () => {};
  const o = { handleEvent() {} };
  t.addEventListener('x', f);
  t.addEventListener('x', o);
  t.addEventListener('x', f, { capture: true });
  assert.deepStrictEqual(getEventListeners(t, 'x'), [f, o, f]);
  t.removeEventListener('x', f);
  assert.deepStrictEqual(getEventListeners(t, 'x'), [o, f]);
  assert.deepStrictEqual(getEventListeners(t, 'y'), []);
  // once listeners go away after the dispatch.
  t.addEventListener('z', f, { once: true });
  assert.strictEqual(getEventListeners(t, 'z').length, 1);
  t.dispatchEvent(new Event('z'));
  assert.strictEqual(getEventListeners(t, 'z').length, 0);
}

{
  // AbortSignal is an EventTarget.
  const ac = new AbortController();
  const f = () => {};
  ac.signal.addEventListener('abort', f);
  assert.deepStrictEqual(getEventListeners(ac.signal, 'abort'), [f]);
}

for (const bad of [{}, 1, 'x']) {
  assert.throws(() => getEventListeners(bad, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "emitter" argument must be an instance of EventEmitter or EventTarget\./,
  });
}

async function abortListenerTests() {
  {
    // Called once on abort, even when another listener stops immediate propagation.
    const ac = new AbortController();
    let calls = 0;
    ac.signal.addEventListener('abort', (e) => e.stopImmediatePropagation());
    const disposable = addAbortListener(ac.signal, (e) => {
      calls++;
      assert.strictEqual(e.type, 'abort');
    });
    assert.strictEqual(typeof disposable[kDispose], 'function');
    assert.strictEqual(Object.getPrototypeOf(disposable), null);
    ac.abort();
    ac.abort();
    assert.strictEqual(calls, 1);
  }

  {
    // Disposing removes the listener.
    const ac = new AbortController();
    let calls = 0;
    const d = addAbortListener(ac.signal, () => calls++);
    d[kDispose]();
    d[kDispose](); // twice is fine
    ac.abort();
    assert.strictEqual(calls, 0);
  }

  {
    // An aborted signal calls the listener in a microtask, without arguments.
    const signal = AbortSignal.abort();
    let args;
    addAbortListener(signal, (...a) => { args = a; });
    assert.strictEqual(args, undefined);
    await Promise.resolve();
    assert.deepStrictEqual(args, []);
  }

  assert.throws(() => addAbortListener(undefined, () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "signal" argument must be an instance of AbortSignal. Received undefined',
  });
  assert.throws(() => addAbortListener({}, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => addAbortListener(new AbortController().signal, 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be of type function. Received type number (1)',
  });
}

abortListenerTests().then(() => { process.exitCode = 0; }, (err) => { process.exitCode = 1; throw err; });
