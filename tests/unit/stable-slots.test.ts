import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../src/components/stable-slots.tsx';

const slotsOf = (steps: string[][]) => {
  let slots = new Map<string, number>();
  return steps.map((items) => { slots = assignSlots(slots, items); return items.map((i) => slots.get(i)); });
};

describe('assignSlots', () => {
  it('numbers the first items in order', () => {
    expect(slotsOf([['SLT', 'OT']])).toEqual([[0, 1]]);
  });
  it('keeps the slot of an item that stays, wherever it moves in the list', () => {
    expect(slotsOf([['SLT', 'OT'], ['OT']])).toEqual([[0, 1], [1]]);
    expect(slotsOf([['SLT', 'OT'], ['OT', 'SLT']])).toEqual([[0, 1], [1, 0]]);
  });
  it('gives a new item the slot of one just gone, so its figure is redrawn in place', () => {
    expect(slotsOf([['SLT'], ['OT'], ['SLT']])).toEqual([[0], [0], [0]]);
    expect(slotsOf([['SLT', 'OT'], ['OT'], ['SLT']])).toEqual([[0, 1], [1], [1]]);
  });
  it('otherwise gives new items the lowest slots no item holds, never one held', () => {
    const [, second, third] = slotsOf([['SLT', 'OT'], ['OT'], ['OT', 'SLT', 'PT']]);
    expect(second).toEqual([1]);
    expect(third).toEqual([1, 0, 2]);
    expect(new Set(third).size).toBe(3);
  });
  it('is empty for no items', () => {
    expect(slotsOf([['SLT'], []])).toEqual([[0], []]);
  });
});
