'use strict';
// events.once(emitter, name, { signal }) for EventEmitters and EventTargets.
const assert = require('assert');
const { once, EventEmitter } = require('events');

async function main() {
  {
    // Resolves with the array of arguments, and removes its listeners.
    const e = new EventEmitter();
    process.nextTick(() => e.emit('x', 1, 2));
    const args = await once(e, 'x');
    assert.deepStrictEqual(args, [1, 2]);
    assert.strictEqual(e.listenerCount('x'), 0);
    assert.strictEqual(e.listenerCount('error'), 0);
  }

  {
    // Rejects on 'error'.
    const e = new EventEmitter();
    const err = new Error('kaboom');
    process.nextTick(() => e.emit('error', err));
    await assert.rejects(once(e, 'x'), (got) => got === err);
    assert.strictEqual(e.listenerCount('x'), 0);
    assert.strictEqual(e.listenerCount('error'), 0);
  }

  {
    // Waiting for 'error' itself resolves.
    const e = new EventEmitter();
    const err = new Error('e');
    process.nextTick(() => e.emit('error', err));
    const [got] = await once(e, 'error');
    assert.strictEqual(got, err);
    assert.strictEqual(e.listenerCount('error'), 0);
  }

  {
    // An already aborted signal rejects at once without listening.
    const e = new EventEmitter();
    const ac = new AbortController();
    ac.abort('why');
    await assert.rejects(once(e, 'x', { signal: ac.signal }), (err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
      assert.strictEqual(err.message, 'The operation was aborted');
      assert.strictEqual(err.cause, 'why');
      return true;
    });
    assert.strictEqual(e.listenerCount('x'), 0);
  }

  {
    // Aborting while waiting rejects and cleans up.
    const e = new EventEmitter();
    const ac = new AbortController();
    const p = once(e, 'x', { signal: ac.signal });
    assert.strictEqual(e.listenerCount('x'), 1);
    ac.abort();
    await assert.rejects(p, (err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.cause, ac.signal.reason);
      return true;
    });
    assert.strictEqual(e.listenerCount('x'), 0);
    assert.strictEqual(e.listenerCount('error'), 0);
  }

  {
    // Resolving removes the abort listener.
    const e = new EventEmitter();
    const ac = new AbortController();
    const p = once(e, 'x', { signal: ac.signal });
    e.emit('x', 'v');
    assert.deepStrictEqual(await p, ['v']);
    assert.deepStrictEqual(EventEmitter.getEventListeners(ac.signal, 'abort'), []);
  }

  {
    // Validation.
    const e = new EventEmitter();
    await assert.rejects(once(e, 'x', null), { code: 'ERR_INVALID_ARG_TYPE' });
    await assert.rejects(once(e, 'x', 1), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "options" argument must be of type object. Received type number (1)',
    });
    for (const signal of [1, {}, null, 'x']) {
      await assert.rejects(once(e, 'x', { signal }), {
        code: 'ERR_INVALID_ARG_TYPE',
        message: /^The "options\.signal" property must be an instance of AbortSignal\./,
      });
    }
    await assert.rejects(once({}, 'x'), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'The "emitter" argument must be an instance of EventEmitter. Received an ' +
               'instance of Object',
    });
  }

  {
    // EventTarget: resolves with [event].
    const t = new EventTarget();
    const ev = new Event('foo');
    process.nextTick(() => t.dispatchEvent(ev));
    const [got] = await once(t, 'foo');
    assert.strictEqual(got, ev);
    assert.deepStrictEqual(EventEmitter.getEventListeners(t, 'foo'), []);
  }

  {
    // EventTarget: an 'error' event is a normal event, it does not reject.
    const t = new EventTarget();
    const ev = new Event('error');
    process.nextTick(() => t.dispatchEvent(ev));
    const [got] = await once(t, 'error');
    assert.strictEqual(got, ev);
  }

  {
    // EventTarget with a signal.
    const t = new EventTarget();
    const ac = new AbortController();
    const p = once(t, 'foo', { signal: ac.signal });
    assert.strictEqual(EventEmitter.getEventListeners(t, 'foo').length, 1);
    ac.abort();
    await assert.rejects(p, { name: 'AbortError' });
    assert.strictEqual(EventEmitter.getEventListeners(t, 'foo').length, 0);
  }

  {
    // once() listens even if another listener stops immediate propagation of the abort.
    const e = new EventEmitter();
    const ac = new AbortController();
    ac.signal.addEventListener('abort', (ev) => ev.stopImmediatePropagation());
    const p = once(e, 'x', { signal: ac.signal });
    ac.abort();
    await assert.rejects(p, { name: 'AbortError' });
  }

  {
    // A listener of the same event added later still sees the event.
    const e = new EventEmitter();
    const p = once(e, 'x');
    let later = false;
    e.on('x', () => { later = true; });
    e.emit('x');
    await p;
    assert.ok(later);
  }
}

main().then(() => { process.exitCode = 0; }, (err) => { process.exitCode = 1; throw err; });
