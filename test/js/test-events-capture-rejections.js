'use strict';
// captureRejections: rejected promises returned by listeners become 'error' events, or go to
// the Symbol.for('nodejs.rejection') method.
const assert = require('assert');
const EventEmitter = require('events');

assert.strictEqual(EventEmitter.captureRejectionSymbol, Symbol.for('nodejs.rejection'));
assert.strictEqual(EventEmitter.captureRejections, false);

const done = [];
process.on('exit', () => {
  assert.deepStrictEqual(done.sort(), ['error event', 'rejection method', 'sync throw in then',
    'thenable', 'global flag'].sort());
});

{
  const e = new EventEmitter({ captureRejections: true });
  const err = new Error('rejected');
  e.on('x', async () => { throw err; });
  e.on('error', (got) => {
    assert.strictEqual(got, err);
    done.push('error event');
  });
  e.emit('x');
}

{
  const e = new EventEmitter({ captureRejections: true });
  e[Symbol.for('nodejs.rejection')] = function(err, type, ...args) {
    assert.strictEqual(this, e);
    assert.strictEqual(err.message, 'r2');
    assert.strictEqual(type, 'y');
    assert.deepStrictEqual(args, [1, 2]);
    done.push('rejection method');
  };
  e.on('y', async () => { throw new Error('r2'); });
  e.emit('y', 1, 2);
}

{
  // A `then` getter that throws is reported synchronously as 'error'.
  const e = new EventEmitter({ captureRejections: true });
  let sync = true;
  e.on('error', (err) => {
    assert.strictEqual(err.message, 'then getter');
    assert.strictEqual(sync, true);
    done.push('sync throw in then');
  });
  e.on('z', () => ({ get then() { throw new Error('then getter'); } }));
  e.emit('z');
  sync = false;
}

{
  // Thenables count.
  const e = new EventEmitter({ captureRejections: true });
  e.on('error', (err) => {
    assert.strictEqual(err, 'thenable reason');
    done.push('thenable');
  });
  e.on('t', () => ({ then(resolve, reject) { reject('thenable reason'); } }));
  e.emit('t');
}

{
  // Without captureRejections nothing is attached (the rejection is unhandled: catch it).
  const e = new EventEmitter();
  const p = Promise.reject(new Error('ignored'));
  p.catch(() => {});
  e.on('u', () => p);
  e.on('error', () => assert.fail('must not be called'));
  e.emit('u');
}

{
  // The global default, read at construction time.
  EventEmitter.captureRejections = true;
  const e = new EventEmitter();
  EventEmitter.captureRejections = false;
  e.on('error', (err) => {
    assert.strictEqual(err.message, 'g');
    done.push('global flag');
  });
  e.on('g', async () => { throw new Error('g'); });
  e.emit('g');
  assert.throws(() => { EventEmitter.captureRejections = 1; }, {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "EventEmitter.captureRejections" property must be of type boolean. ' +
             'Received type number (1)',
  });
}

{
  // Option validation: only truthy values are checked.
  assert.throws(() => new EventEmitter({ captureRejections: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.captureRejections" property must be of type boolean. ' +
             'Received type number (1)',
  });
  new EventEmitter({ captureRejections: 0 });
  new EventEmitter(5);
  new EventEmitter(null);
}
