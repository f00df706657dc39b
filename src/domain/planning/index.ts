/** Public face of the planning model: one case with everything it owns, grouped once, typed. */
export * from './stores';
export * from './model';
export * from './cascades';
export * from './plan-counts';
