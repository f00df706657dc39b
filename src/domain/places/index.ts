/**
 * Places: an offline gazetteer for the place pickers, time zones of coordinates, and country names.
 *
 * - `./gazetteer` (searchPlaces, toPlace, zoneAt): about 2 MB of city data. Screens import it
 *   lazily (`await import('…/domain/places/gazetteer')`) so the start-up chunk stays small;
 *   importing this index pulls it in statically, fine for tests and non-UI code.
 * - `./countries` (countries, countryName, isKnownCountry): light, import it directly from screens.
 *
 * Nothing here touches the network.
 */
export * from './countries';
export * from './gazetteer';
