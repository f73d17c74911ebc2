'use strict';
// pipeTo/pipeThrough: data and close flow, backpressure (the source is read only as the sink
// keeps up), error propagation both ways, preventClose/preventAbort/preventCancel, aborting
// with an AbortSignal (before and during the pipe), and TransformStream through pipeThrough.

const { ReadableStream, WritableStream, TransformStream, CountQueuingStrategy } = require('stream/web');

function source(chunks, log, { error } = {}) {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) {
        log.push(`pull ${chunks[i]}`);
        controller.enqueue(chunks[i++]);
      } else if (error) {
        controller.error(error);
      } else {
        controller.close();
      }
    },
    cancel(reason) { log.push(`source cancel ${reason?.message ?? reason}`); },
  }, new CountQueuingStrategy({ highWaterMark: 0 }));
}

function sink(log, { failOn, slow } = {}) {
  return new WritableStream({
    write(chunk) {
      log.push(`write ${chunk}`);
      if (chunk === failOn) throw new Error(`sink failed on ${chunk}`);
      if (slow) return new Promise((resolve) => setImmediate(resolve));
    },
    close() { log.push('sink close'); },
    abort(reason) { log.push(`sink abort ${reason?.message ?? reason}`); },
  }, new CountQueuingStrategy({ highWaterMark: 1 }));
}

async function run(label, makePipe) {
  const log = [];
  let outcome;
  try {
    await makePipe(log);
    outcome = 'resolved';
  } catch (error) {
    outcome = typeof error === 'string' ? `rejected with '${error}'` : `rejected ${error.name}: ${error.message}`;
  }
  console.log(label, outcome);
  console.log('  ', log.join(' | '));
}

(async () => {
  await run('plain', (log) => source(['a', 'b', 'c'], log).pipeTo(sink(log, { slow: true })));
  await run('preventClose', async (log) => {
    const dest = sink(log);
    await source(['a'], log).pipeTo(dest, { preventClose: true });
    log.push(`dest locked ${dest.locked}`);
    const writer = dest.getWriter();
    await writer.write('after');
    await writer.close();
  });
  await run('source error', (log) => source(['a'], log, { error: new Error('src broke') }).pipeTo(sink(log)));
  await run('source error preventAbort', (log) =>
    source(['a'], log, { error: new Error('src broke') }).pipeTo(sink(log), { preventAbort: true }));
  await run('sink error', (log) => source(['a', 'b', 'c'], log).pipeTo(sink(log, { failOn: 'b' })));
  await run('sink error preventCancel', (log) =>
    source(['a', 'b', 'c'], log).pipeTo(sink(log, { failOn: 'b' }), { preventCancel: true }));
  await run('closed destination', async (log) => {
    const dest = sink(log);
    await dest.close();
    return source(['a'], log).pipeTo(dest);
  });
  await run('already aborted', (log) => {
    const controller = new AbortController();
    controller.abort();
    return source(['a'], log).pipeTo(sink(log), { signal: controller.signal });
  });
  await run('abort mid-pipe', (log) => {
    const controller = new AbortController();
    const dest = new WritableStream({
      write(chunk) {
        log.push(`write ${chunk}`);
        if (chunk === 'b') controller.abort(new Error('enough'));
      },
      abort(reason) { log.push(`sink abort ${reason.message}`); },
    });
    return source(['a', 'b', 'c', 'd'], log).pipeTo(dest, { signal: controller.signal });
  });
  await run('abort preventAbort preventCancel', (log) => {
    const controller = new AbortController();
    const dest = new WritableStream({
      write(chunk) {
        log.push(`write ${chunk}`);
        controller.abort('reason');
      },
      abort() { log.push('sink abort'); },
    });
    return source(['a', 'b'], log).pipeTo(dest, { signal: controller.signal, preventAbort: true, preventCancel: true });
  });

  await run('pipeThrough', async (log) => {
    const upper = new TransformStream({
      transform(chunk, controller) {
        log.push(`transform ${chunk}`);
        controller.enqueue(chunk.toUpperCase());
        if (chunk === 'b') controller.enqueue('extra');
      },
      flush(controller) {
        log.push('flush');
        controller.enqueue('END');
      },
    });
    const out = [];
    for await (const chunk of source(['a', 'b'], log).pipeThrough(upper)) out.push(chunk);
    log.push(`out ${out}`);
  });

  for (const attempt of [
    () => new ReadableStream().pipeThrough({}),
    () => new ReadableStream().pipeThrough({ readable: new ReadableStream() }),
    () => {
      const stream = new ReadableStream();
      stream.getReader();
      return stream.pipeThrough(new TransformStream());
    },
  ]) {
    try {
      attempt();
    } catch (error) {
      console.log('pipeThrough', error.name, error.code, error.message);
    }
  }
  for (const [dest, options] of [[{}, undefined], [new WritableStream(), 5],
                                 [new WritableStream(), { signal: 'no' }]]) {
    await new ReadableStream().pipeTo(dest, options)
      .catch((error) => console.log('pipeTo', error.name, error.code, error.message));
  }
  const locked = new WritableStream();
  locked.getWriter();
  await new ReadableStream().pipeTo(locked)
    .catch((error) => console.log('pipeTo', error.name, error.code, error.message));
  console.log('done');
})();
