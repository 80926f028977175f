/** The place stage: place mentions resolved against the gazetteer (coordinates, country, precision). */
export { createPlace, resolvePlaces, outletHost, GAZETTEER_RESOURCE, OUTLET_REGIONS_RESOURCE, PLACE_VERSION, type OutletRegions } from './place.js';
