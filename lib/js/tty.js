'use strict';
// node:tty: isatty, and ReadStream/WriteStream over a terminal fd (the same classes
// process.stdin/stdout use for terminals: synchronous writes, demand reads, raw mode).

const { isTTY } = internalBinding('tty_wrap');
const { codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED } } = require('internal/errors');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  if (!isTTY(fd)) {
    throw new ERR_TTY_INIT_FAILED({ errno: -22, code: 'EINVAL', message: 'invalid argument',
                                    syscall: 'uv_tty_init' });
  }
}

function ReadStream(fd) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd);
  checkFd(fd);
  const { ReadStream: StdioReadStream } = require('internal/process/stdio');
  StdioReadStream.call(this, fd, 'tty');
}

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  const { SyncWriteStream } = require('internal/process/stdio');
  SyncWriteStream.call(this, fd, 'tty');
}

{
  const { ReadStream: StdioReadStream, SyncWriteStream } = require('internal/process/stdio');
  Object.setPrototypeOf(ReadStream.prototype, StdioReadStream.prototype);
  Object.setPrototypeOf(ReadStream, StdioReadStream);
  Object.setPrototypeOf(WriteStream.prototype, SyncWriteStream.prototype);
  Object.setPrototypeOf(WriteStream, SyncWriteStream);
}

module.exports = { isatty, ReadStream, WriteStream };
