'use strict';
// Intrusive circular doubly linked list over `_idleNext`/`_idlePrev` (the timer lists).

function init(list) {
  list._idleNext = list;
  list._idlePrev = list;
  return list;
}

function peek(list) {
  if (list._idlePrev === list) return null;
  return list._idlePrev;
}

function remove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

// Appends at the head (the tail is what peek() sees first).
function append(list, item) {
  if (item._idleNext || item._idlePrev) remove(item);
  item._idleNext = list._idleNext;
  item._idlePrev = list;
  list._idleNext._idlePrev = item;
  list._idleNext = item;
}

function isEmpty(list) {
  return list._idleNext === list;
}

module.exports = { init, peek, remove, append, isEmpty };
