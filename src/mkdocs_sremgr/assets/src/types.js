// The shapes of the reader's record (docs/design.md, contract 2), as the code reads them. A
// record from storage or an import has been through validate.js, so the known fields have these
// types; fields this build does not know (a newer build's) are kept as they are, typed `unknown`
// so that no code reads them by accident.

/**
 * One item's record: its state ("done", "na", or a state a newer build wrote), when that changed,
 * the fingerprint of the text it was ticked against, the reader's note and when it was written.
 * @typedef {{state?: string, changed?: string, fp?: string, note?: string, noted?: string,
 *   [field: string]: unknown}} ItemRecord
 */
/**
 * One checklist's record: its items' records by id, and when it was last marked reviewed.
 * @typedef {{items: Record<string, ItemRecord>, reviewed?: string, [field: string]: unknown}} ChecklistRecord
 */
/**
 * What a closed quarter kept of one checklist: the ids ticked, the items in play, the score, and
 * how many were set aside (absent in quarters closed before it was kept).
 * @typedef {{done: string[], total: number, score: number, aside?: number}} SnapshotEntry
 */
/** @typedef {{closed: string, checklists: Record<string, SnapshotEntry>}} Snapshot */
/**
 * @typedef {{version: number, checklists: Record<string, ChecklistRecord>,
 *   snapshots: Record<string, Snapshot>, meta: Record<string, unknown>, [field: string]: unknown}} Data
 */

export {};
