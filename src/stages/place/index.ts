/** The place stage: place mentions resolved against the gazetteer (coordinates, country, precision). */
export { createPlace, resolvePlaces, GAZETTEER_RESOURCE, PLACE_VERSION } from './place.js';
