export { CONTEXT_CHARS, describe } from './describe.js';
export { MAX_FUZZY_ERROR_RATE } from './candidates.js';
export {
  ORPHAN_THRESHOLD,
  TRIAGE_THRESHOLD,
  resolve,
  type Anchor,
  type AnchorMethod,
  type Anchored,
  type Orphaned,
  type OrphanReason,
  type Selectors,
} from './resolve.js';
export { reanchor, type Reanchored } from './reanchor.js';
