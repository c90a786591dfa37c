/** How each kind of SNP offer is named to the public. */
export const OFFER_KIND_LABELS: Record<string, string> = {
  MMG: 'Maison médicale de garde',
  SU: 'Service d’urgence',
  MSP: 'Maison de santé pluriprofessionnelle',
  CDS: 'Centre de santé',
};

export const offerKindLabel = (kind: string) => OFFER_KIND_LABELS[kind] ?? kind;
