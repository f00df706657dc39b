/**
 * The record builders now live in tests/unit/builders.ts; this re-export keeps imports from
 * branches written before the move resolving. Import from '../builders' in new tests.
 */
export * from '../builders';
