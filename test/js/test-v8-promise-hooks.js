'use strict';
// v8.promiseHooks: hooks run for promises, stop functions remove them, and they share V8's one
// set of context promise hooks with AsyncLocalStorage (both keep working together).
const { promiseHooks } = require('v8');
const { AsyncLocalStorage } = require('async_hooks');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

console.log(Object.keys(promiseHooks));
attempt('onInit', () => promiseHooks.onInit(1));
attempt('onBefore', () => promiseHooks.onBefore('x'));
attempt('onAfter', () => promiseHooks.onAfter(null));
attempt('onSettled', () => promiseHooks.onSettled({}));
attempt('createHook', () => promiseHooks.createHook({ after: 1 }));
attempt('createHook nothing', () => typeof promiseHooks.createHook());

const als = new AsyncLocalStorage();
const events = [];
const ids = new WeakMap();
let nextId = 1;
const id = (p) => {
  if (!ids.has(p)) ids.set(p, nextId++);
  return ids.get(p);
};

async function main() {
  const stopInit = promiseHooks.onInit((promise, parent) => {
    events.push(`init ${id(promise)}${parent ? ` parent ${id(parent)}` : ''} store ${als.getStore()}`);
  });
  const stopAll = promiseHooks.createHook({
    before(promise) { events.push(`before ${id(promise)} store ${als.getStore()}`); },
    after(promise) { events.push(`after ${id(promise)} store ${als.getStore()}`); },
    settled(promise) { events.push(`settled ${id(promise)}`); },
  });
  console.log(typeof stopInit, stopInit.name, typeof stopAll);

  await als.run('A', async () => {
    const p = Promise.resolve(1);
    await p.then((v) => {
      events.push(`then sees ${als.getStore()}`);
      return v + 1;
    });
    events.push(`after await sees ${als.getStore()}`);
  });
  stopInit();
  stopInit();  // A second call does nothing.
  stopAll();
  console.log(events.join('\n'));

  // Once stopped, nothing more is recorded, and AsyncLocalStorage still propagates.
  events.length = 0;
  await als.run('B', async () => {
    await null;
    await new Promise((resolve) => setTimeout(resolve, 1));
    console.log('store after stop', als.getStore(), 'events', events.length);
  });

  // Hooks added from inside a hook take effect for later promises only; several hooks of one
  // kind run in the order they were added.
  const order = [];
  const stops = [
    promiseHooks.onSettled(() => order.push('first')),
    promiseHooks.onSettled(() => order.push('second')),
  ];
  await Promise.resolve();
  for (const stop of stops) stop();
  console.log(order.slice(0, 2));
}

main();
