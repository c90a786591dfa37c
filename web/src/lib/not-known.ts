/**
 * « Non renseigné »: where a list is not declared complete, the absence of a CPTS (of an offer
 * within 30 km) is not known. One neutral grey for it on every layer, never a hatch, never the
 * colour of a zone blanche or of « aucune offre ».
 */
export const NOT_KNOWN_COLOR = '#bdbdbd';
export const NOT_KNOWN_LABEL = 'Non renseigné';
/** The feature-state value of a « non renseigné » commune on the access layers. */
export const NOT_KNOWN_STATE = -3;
