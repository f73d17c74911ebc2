'use strict';

// Whether output to a stream should use ANSI colors, and the color codes for internal
// messages (node's internal/util/colors).

// Color depth from the environment alone, when no tty module can tell more.
function colorDepthFromEnv(env) {
  switch (env.FORCE_COLOR) {
    case '':
    case '1':
    case 'true':
      return 4;
    case '2':
      return 8;
    case '3':
      return 24;
    default:
      return 1;
  }
}

function forcedColorDepth() {
  try {
    const tty = require('internal/tty');
    if (typeof tty.getColorDepth === 'function') return tty.getColorDepth();
  } catch {
    // No tty module yet.
  }
  return colorDepthFromEnv(process.env);
}

module.exports = {
  blue: '',
  green: '',
  white: '',
  yellow: '',
  red: '',
  gray: '',
  clear: '',
  reset: '',
  hasColors: false,
  shouldColorize(stream) {
    if (process.env.FORCE_COLOR !== undefined) return forcedColorDepth() > 2;
    return stream?.isTTY && (typeof stream.getColorDepth === 'function' ?
      stream.getColorDepth() > 2 : true);
  },
  refresh() {
    if (process.stderr?.isTTY) {
      const hasColors = module.exports.shouldColorize(process.stderr);
      module.exports.blue = hasColors ? '\u001b[34m' : '';
      module.exports.green = hasColors ? '\u001b[32m' : '';
      module.exports.white = hasColors ? '\u001b[39m' : '';
      module.exports.yellow = hasColors ? '\u001b[33m' : '';
      module.exports.red = hasColors ? '\u001b[31m' : '';
      module.exports.gray = hasColors ? '\u001b[90m' : '';
      module.exports.clear = hasColors ? '\u001bc' : '';
      module.exports.reset = hasColors ? '\u001b[0m' : '';
      module.exports.hasColors = hasColors;
    }
  },
};

module.exports.refresh();
