/** Public face of the itinerary-pack model: what a variant holds, its days, and its summary. */
export * from './select';
export * from './days';
export * from './summary';
