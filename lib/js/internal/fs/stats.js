'use strict';
// The value classes of node:fs: Stats, BigIntStats, StatFs and Dirent, and their construction
// from what the binding returns (a stat array of 18 numbers or bigints per file: dev, mode,
// nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds and nanoseconds of atime,
// mtime, ctime and birthtime).

const {
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
  UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = internalBinding('constants').fs;

const kStatFields = 18;

// The file type tests of Stats and BigIntStats.
class StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
    this.dev = dev;
    this.mode = mode;
    this.nlink = nlink;
    this.uid = uid;
    this.gid = gid;
    this.rdev = rdev;
    this.blksize = blksize;
    this.ino = ino;
    this.size = size;
    this.blocks = blocks;
  }
}
// As node's prototypes show them (for...in lists them): enumerable, anonymous methods asking
// _checkModeProperty, which Stats and BigIntStats define for their number type; Stats has its
// own isFile too.
const typeTest = (type) => function() { return this._checkModeProperty(type); };
StatsBase.prototype.isDirectory = typeTest(S_IFDIR);
StatsBase.prototype.isFile = typeTest(S_IFREG);
StatsBase.prototype.isBlockDevice = typeTest(S_IFBLK);
StatsBase.prototype.isCharacterDevice = typeTest(S_IFCHR);
StatsBase.prototype.isSymbolicLink = typeTest(S_IFLNK);
StatsBase.prototype.isFIFO = typeTest(S_IFIFO);
StatsBase.prototype.isSocket = typeTest(S_IFSOCK);

const dateOf = (ms) => new Date(Math.round(Number(ms)));

class Stats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
              atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    super(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
    this.atimeMs = atimeMs;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = ctimeMs;
    this.birthtimeMs = birthtimeMs;
    this.atime = dateOf(atimeMs);
    this.mtime = dateOf(mtimeMs);
    this.ctime = dateOf(ctimeMs);
    this.birthtime = dateOf(birthtimeMs);
  }
}

Stats.prototype.isFile = typeTest(S_IFREG);
Stats.prototype._checkModeProperty = function(type) { return (this.mode & S_IFMT) === type; };

class BigIntStats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
              atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
    super(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
    this.atimeMs = atimeNs / 1000000n;
    this.mtimeMs = mtimeNs / 1000000n;
    this.ctimeMs = ctimeNs / 1000000n;
    this.birthtimeMs = birthtimeNs / 1000000n;
    this.atimeNs = atimeNs;
    this.mtimeNs = mtimeNs;
    this.ctimeNs = ctimeNs;
    this.birthtimeNs = birthtimeNs;
    this.atime = dateOf(this.atimeMs);
    this.mtime = dateOf(this.mtimeMs);
    this.ctime = dateOf(this.ctimeMs);
    this.birthtime = dateOf(this.birthtimeMs);
  }
}

BigIntStats.prototype._checkModeProperty = function(type) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(type);
};

// What fs calls return are copies of objects the binding built once: node's keys in node's
// order, the four Dates native data properties that make their Date on first read from the
// private *Source slot (see src/bindings/fs_stats.cc). To a program they are what `new Stats()`
// makes: same prototype, own enumerable writable configurable data properties.
const {
  atimeSource, mtimeSource, ctimeSource, birthtimeSource, lazyStatsFactory,
} = internalBinding('fs_stats');
const newLazyStats = lazyStatsFactory(Stats.prototype, false);
const newLazyBigIntStats = lazyStatsFactory(BigIntStats.prototype, true);

// Stats / BigIntStats from the stat array `a` (the file at `offset`, 0 or kStatFields).
function statsFromArray(a, o = 0) {
  const bigint = typeof a[o] === 'bigint';
  const s = bigint ? newLazyBigIntStats() : newLazyStats();
  s.dev = a[o];
  s.mode = a[o + 1];
  s.nlink = a[o + 2];
  s.uid = a[o + 3];
  s.gid = a[o + 4];
  s.rdev = a[o + 5];
  s.blksize = a[o + 6];
  s.ino = a[o + 7];
  s.size = a[o + 8];
  s.blocks = a[o + 9];
  if (bigint) return setBigIntTimes(s, a, o);
  s.atimeMs = s[atimeSource] = a[o + 10] * 1e3 + a[o + 11] / 1e6;
  s.mtimeMs = s[mtimeSource] = a[o + 12] * 1e3 + a[o + 13] / 1e6;
  s.ctimeMs = s[ctimeSource] = a[o + 14] * 1e3 + a[o + 15] / 1e6;
  s.birthtimeMs = s[birthtimeSource] = a[o + 16] * 1e3 + a[o + 17] / 1e6;
  return s;
}

// Stats from a number answer of the stat batch (src/bindings/fs_stat_batch.cc) at `at`: the
// times come in milliseconds; the ten integer fields from `ints` (an Int32Array over the same
// buffer, then `p` is their int32 index) or else `values` (a Float64Array), as small integers
// where they can be, so that a Stats made by unoptimized code holds no heap number but the four
// times.
function statsFromBatch(values, ints, p, at) {
  const s = newLazyStats();
  s.dev = ints[p];
  s.mode = ints[p + 1];
  s.nlink = ints[p + 2];
  s.uid = ints[p + 3];
  s.gid = ints[p + 4];
  s.rdev = ints[p + 5];
  s.blksize = ints[p + 6];
  s.ino = ints[p + 7];
  s.size = ints[p + 8];
  s.blocks = ints[p + 9];
  s.atimeMs = s[atimeSource] = values[at];
  s.mtimeMs = s[mtimeSource] = values[at + 1];
  s.ctimeMs = s[ctimeSource] = values[at + 2];
  s.birthtimeMs = s[birthtimeSource] = values[at + 3];
  return s;
}

function setBigIntTimes(s, a, o) {
  const ns = 1000000000n;
  const atimeNs = a[o + 10] * ns + a[o + 11];
  const mtimeNs = a[o + 12] * ns + a[o + 13];
  const ctimeNs = a[o + 14] * ns + a[o + 15];
  const birthtimeNs = a[o + 16] * ns + a[o + 17];
  s.atimeMs = s[atimeSource] = atimeNs / 1000000n;
  s.mtimeMs = s[mtimeSource] = mtimeNs / 1000000n;
  s.ctimeMs = s[ctimeSource] = ctimeNs / 1000000n;
  s.birthtimeMs = s[birthtimeSource] = birthtimeNs / 1000000n;
  s.atimeNs = atimeNs;
  s.mtimeNs = mtimeNs;
  s.ctimeNs = ctimeNs;
  s.birthtimeNs = birthtimeNs;
  return s;
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

const statFsFromArray = (a) => new StatFs(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);

const kType = Symbol('type');

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// The UV_DIRENT_* type of a Stats (for entries whose type readdir could not tell).
function direntTypeOf(stats) {
  if (stats.isFile()) return UV_DIRENT_FILE;
  if (stats.isDirectory()) return UV_DIRENT_DIR;
  if (stats.isSymbolicLink()) return UV_DIRENT_LINK;
  if (stats.isFIFO()) return UV_DIRENT_FIFO;
  if (stats.isSocket()) return UV_DIRENT_SOCKET;
  if (stats.isCharacterDevice()) return UV_DIRENT_CHAR;
  if (stats.isBlockDevice()) return UV_DIRENT_BLOCK;
  return 0;
}

module.exports = {
  BigIntStats,
  Dirent,
  StatFs,
  Stats,
  direntTypeOf,
  kStatFields,
  statFsFromArray,
  statsFromArray,
  statsFromBatch,
};
