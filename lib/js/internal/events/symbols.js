'use strict';
// Symbols shared between events and the modules that build on it (readline uses
// kFirstEventParam to get the first event argument instead of an array from events.on()).

const kFirstEventParam = Symbol('nodejs.kFirstEventParam');

module.exports = {
  kFirstEventParam,
};
