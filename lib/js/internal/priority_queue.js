'use strict';
// A binary min-heap; `setPosition(item, index)` lets items know their slot so removeAt() is
// O(log n) (the timer lists use it).

class PriorityQueue {
  #compare;
  #setPosition;
  #heap = [undefined];  // 1-based.
  #size = 0;

  constructor(compare, setPosition) {
    this.#compare = compare;
    this.#setPosition = setPosition;
  }

  insert(value) {
    const pos = ++this.#size;
    this.#heap[pos] = value;
    this.percolateUp(pos);
  }

  peek() {
    return this.#heap[1];
  }

  peekBottom() {
    return this.#heap[this.#size];
  }

  percolateDown(pos) {
    const compare = this.#compare;
    const setPosition = this.#setPosition;
    const heap = this.#heap;
    const size = this.#size;
    const hsize = size >> 1;
    const item = heap[pos];
    while (pos <= hsize) {
      let child = pos << 1;
      const nextChild = child + 1;
      let childItem = heap[child];
      if (nextChild <= size && compare(heap[nextChild], childItem) < 0) {
        child = nextChild;
        childItem = heap[nextChild];
      }
      if (compare(item, childItem) <= 0) break;
      if (setPosition !== undefined) setPosition(childItem, pos);
      heap[pos] = childItem;
      pos = child;
    }
    heap[pos] = item;
    if (setPosition !== undefined) setPosition(item, pos);
  }

  percolateUp(pos) {
    const heap = this.#heap;
    const compare = this.#compare;
    const setPosition = this.#setPosition;
    const item = heap[pos];
    while (pos > 1) {
      const parent = pos >> 1;
      const parentItem = heap[parent];
      if (compare(parentItem, item) <= 0) break;
      heap[pos] = parentItem;
      if (setPosition !== undefined) setPosition(parentItem, pos);
      pos = parent;
    }
    heap[pos] = item;
    if (setPosition !== undefined) setPosition(item, pos);
  }

  removeAt(pos) {
    const heap = this.#heap;
    const size = --this.#size;
    heap[pos] = heap[size + 1];
    heap[size + 1] = undefined;
    if (size > 0 && pos <= size) {
      if (pos > 1 && this.#compare(heap[pos >> 1], heap[pos]) > 0) {
        this.percolateUp(pos);
      } else {
        this.percolateDown(pos);
      }
    }
  }

  shift() {
    const heap = this.#heap;
    const value = heap[1];
    if (value === undefined) return;
    this.removeAt(1);
    return value;
  }
}

module.exports = PriorityQueue;
