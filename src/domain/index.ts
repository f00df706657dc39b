/**
 * Public face of the domain: pure rules and types, no React, storage, DOM or Electron.
 * Features import from here (or from a specific file); `places` is a separate entry point
 * (`src/domain/places`) because it carries about 2 MB of city data.
 */
export * from './assert';
export * from './checkpoints';
export * from './duration';
export * from './entities';
export * from './geo';
export * from './ids';
export * from './lifecycle';
export * from './memoize';
export * from './money';
export * from './occupancy';
export * from './plan-checks';
export * from './planning';
export * from './result';
export * from './time';
export * from './time-format';
