/**
 * Geography, pure: distances and coordinate checks, rounding a place to about 1 km / 10 km,
 * unwrapping longitudes across the 180° meridian (country rings and routes), and the lines of a
 * journey (great-circle arcs for flights, straight segments on the ground), and a case's route.
 * The basemap preparation (./basemap, with topojson and polylabel) is imported on its own, so
 * code that needs only coordinates does not pull in the map's libraries.
 */
export * from './coordinates';
export * from './antimeridian';
export * from './rounding';
export * from './route';
export * from './case-route';
