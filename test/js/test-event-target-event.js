'use strict';
// Event and CustomEvent.
const assert = require('assert');
const util = require('util');

{
  const e = new Event('foo');
  assert.strictEqual(e.type, 'foo');
  assert.strictEqual(e.bubbles, false);
  assert.strictEqual(e.cancelable, false);
  assert.strictEqual(e.composed, false);
  assert.strictEqual(e.defaultPrevented, false);
  assert.strictEqual(e.returnValue, true);
  assert.strictEqual(e.cancelBubble, false);
  assert.strictEqual(e.isTrusted, false);
  assert.strictEqual(e.eventPhase, 0);
  assert.strictEqual(e.target, null);
  assert.strictEqual(e.currentTarget, null);
  assert.strictEqual(e.srcElement, null);
  assert.deepStrictEqual(e.composedPath(), []);
  assert.strictEqual(typeof e.timeStamp, 'number');
  assert.ok(e.timeStamp >= 0);
  assert.strictEqual(Object.prototype.toString.call(e), '[object Event]');
  assert.strictEqual(String(e), '[object Event]');
}

{
  // Options are booleans by truthiness; type is a string.
  const e = new Event(1, { bubbles: 1, cancelable: 'x', composed: {} });
  assert.strictEqual(e.type, '1');
  assert.strictEqual(e.bubbles, true);
  assert.strictEqual(e.cancelable, true);
  assert.strictEqual(e.composed, true);
  assert.strictEqual(new Event('a', null).cancelable, false);
  assert.strictEqual(new Event(undefined).type, 'undefined');
  assert.throws(() => new Event(Symbol('s')), TypeError);
}

{
  // preventDefault / returnValue.
  const e = new Event('c', { cancelable: true });
  e.preventDefault();
  assert.strictEqual(e.defaultPrevented, true);
  assert.strictEqual(e.returnValue, false);
  const n = new Event('c');
  n.preventDefault();
  assert.strictEqual(n.defaultPrevented, false);
  assert.strictEqual(n.returnValue, true);
}

{
  // cancelBubble, stopPropagation, stopImmediatePropagation.
  const a = new Event('c');
  a.cancelBubble = true;
  assert.strictEqual(a.cancelBubble, true);
  a.cancelBubble = false; // cannot be undone
  assert.strictEqual(a.cancelBubble, true);
  const b = new Event('c');
  b.stopPropagation();
  assert.strictEqual(b.cancelBubble, true);
  const c = new Event('c');
  c.stopImmediatePropagation();
  assert.strictEqual(c.cancelBubble, true);
}

{
  // initEvent.
  const e = new Event('a');
  e.initEvent('b', true, true);
  assert.deepStrictEqual([e.type, e.bubbles, e.cancelable], ['b', true, true]);
  e.initEvent('c');
  assert.deepStrictEqual([e.type, e.bubbles, e.cancelable], ['c', false, false]);
  assert.throws(() => e.initEvent(), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "type" argument must be specified',
  });
}

{
  // Constants.
  assert.deepStrictEqual([Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE],
                         [0, 1, 2, 3]);
  const d = Object.getOwnPropertyDescriptor(Event, 'AT_TARGET');
  assert.deepStrictEqual([d.writable, d.enumerable, d.configurable], [false, true, false]);
}

{
  // Errors.
  assert.throws(() => new Event(), {
    name: 'TypeError',
    code: 'ERR_MISSING_ARGS',
    message: 'The "type" argument must be specified',
  });
  assert.throws(() => new Event('a', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received type number (1)',
  });
  assert.throws(() => new Event('a', 'str'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Event('a'), TypeError);
  // Brand checks.
  const getter = (name) => Object.getOwnPropertyDescriptor(Event.prototype, name).get;
  for (const name of ['type', 'target', 'currentTarget', 'srcElement', 'cancelable',
    'defaultPrevented', 'timeStamp', 'returnValue', 'bubbles', 'composed', 'eventPhase',
    'cancelBubble']) {
    assert.throws(() => getter(name).call({}), {
      name: 'TypeError',
      code: 'ERR_INVALID_THIS',
      message: 'Value of "this" must be of type Event',
    }, name);
  }
  for (const name of ['preventDefault', 'stopPropagation', 'stopImmediatePropagation',
    'composedPath']) {
    assert.throws(() => Event.prototype[name].call({}), { code: 'ERR_INVALID_THIS' }, name);
  }
  // isTrusted answers for anything.
  assert.strictEqual(Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted').get.call({}), false);
}

{
  // Property layout: accessors and methods on the prototype, enumerable.
  const keys = Object.keys(Event.prototype);
  for (const k of ['type', 'target', 'currentTarget', 'srcElement', 'cancelable', 'defaultPrevented',
    'timeStamp', 'composedPath', 'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble',
    'stopPropagation', 'stopImmediatePropagation', 'preventDefault', 'initEvent', 'isTrusted']) {
    assert.ok(keys.includes(k), k);
  }
  const d = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
  assert.strictEqual(d.configurable, false);
  assert.strictEqual(Object.keys(new Event('x')).length, 0);
}

{
  // util.inspect.
  const text = util.inspect(new Event('foo'));
  assert.match(text, /^Event {\n {2}type: 'foo',\n {2}defaultPrevented: false,\n {2}cancelable: false,\n {2}timeStamp: [\d.]+\n}$/);
  assert.strictEqual(util.inspect(new Event('x'), { depth: -1 }), 'Event');
  assert.strictEqual(util.inspect([[new Event('x')]], { depth: 0 }), '[ [Array] ]');
  assert.strictEqual(util.inspect({ a: new Event('x') }, { depth: 0 }), '{ a: Event }');
  class MyEvent extends Event {}
  assert.match(util.inspect(new MyEvent('q')), /^MyEvent {\n {2}type: 'q',/);
  const ce = util.inspect(new CustomEvent('c', { detail: 1 }));
  assert.match(ce, /^CustomEvent {\n {2}type: 'c',/);
}

{
  // CustomEvent.
  assert.strictEqual(Object.getPrototypeOf(CustomEvent), Event);
  assert.strictEqual(new CustomEvent('x').detail, null);
  const detail = { a: 1 };
  const e = new CustomEvent('x', { detail, cancelable: true });
  assert.strictEqual(e.detail, detail);
  assert.strictEqual(e.cancelable, true);
  assert.strictEqual(Object.prototype.toString.call(e), '[object CustomEvent]');
  assert.throws(() => new CustomEvent(), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => new CustomEvent('x', 5), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(
    () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get.call(new Event('x')),
    { code: 'ERR_INVALID_THIS', message: 'Value of "this" must be of type CustomEvent' });
  // Dispatching a CustomEvent.
  const t = new EventTarget();
  let got;
  t.addEventListener('x', (ev) => { got = ev.detail; });
  t.dispatchEvent(e);
  assert.strictEqual(got, detail);
}
