'use strict';
// http: a request body the handler started reading (a 'data' event, then pause()) is not
// dumped when the response finishes; one nobody read is (req._dumped).
const http = require('http');

const modes = ['read then pause', 'never read', 'resume() only'];
let i = 0;
const server = http.createServer((req, res) => {
  const mode = modes[i];
  res.on('finish', () => console.log(mode, '-> dumped:', req._dumped));
  if (mode === 'read then pause') {
    req.once('data', (chunk) => {
      console.log(mode, 'got', chunk.length, 'bytes');
      req.pause();
      res.end('ok');
    });
  } else if (mode === 'resume() only') {
    req.resume();
    req.on('end', () => res.end('ok'));
  } else {
    res.end('ok');
  }
});

server.listen(0, '127.0.0.1', function next() {
  if (i === modes.length) {
    server.close();
    return;
  }
  const req = http.request({
    port: server.address().port, host: '127.0.0.1', method: 'POST', agent: false,
  }, (res) => {
    res.resume();
    res.on('end', () => {
      i++;
      next();
    });
  });
  req.end(Buffer.alloc(1024, 'x'));
});
