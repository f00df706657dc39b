/** Public face of the itinerary feature: the case page's "Print itinerary pack" action. */
export { PrintPackButton } from './PrintPackDialog';
export { PackDocument, contactList } from './PackDocument';
export { PackPreview, packFileName, packRouteMaps } from './PackPreview';
