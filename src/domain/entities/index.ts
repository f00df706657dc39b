/** Public face of the entity schemas. */
export * from './audit';
export * from './budget';
export * from './case';
export * from './checkpoint';
export * from './common';
export * from './extension';
export * from './host';
export * from './leg';
export * from './person';
export * from './stay';
export * from './store-names';
export * from './stores';
export * from './visa';
