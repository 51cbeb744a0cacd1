// Disclosure control: the cell key method and the one gate every published number passes (METHODS §7).
export { PERTURBATION_TABLE, perturbation, perturbedCount, combineKeys } from './cell-key.ts';
export { Cell, cellSum, isCell, EMPTY_CELL } from './cell.ts';
export {
  createGate, DEFAULT_DISCLOSURE_MODE, EXACT_MARK, SHAREABLE_MARK,
  type DisclosureMode, type Gate, type Published,
} from './gate.ts';
export { countQuery, sealRow, type CellRow, type CountQuery } from './count-query.ts';
