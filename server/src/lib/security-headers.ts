/**
 * Security headers of every answer (the page, its assets and the API): a Content-Security-Policy
 * the app satisfies, no MIME sniffing, no framing, no referrer sent to other sites, no powerful
 * browser feature.
 *
 * What the app needs, and why each source is allowed:
 * - scripts, styles, fonts, images: its own origin (Vite bundles everything, no CDN);
 * - `style-src 'unsafe-inline'`: MapLibre and the DSFR components set `style` attributes;
 * - `worker-src blob:`: MapLibre starts its workers from blob URLs;
 * - `img-src data: blob:`: MapLibre's sprites and canvases, DSFR's inline icons;
 * - Permissions-Policy: geolocation for this origin only (« Me localiser »), nothing else;
 * - the IGN plan (https://data.geopf.fr: style, tiles, sprites, glyphs) only when MAILLAGE_BASEMAP
 *   allows it (`auto` or `ign`; `offline` serves everything from this server).
 */
import { secureHeaders } from 'hono/secure-headers';
import type { Basemap } from '../config';

export const IGN_ORIGIN = 'https://data.geopf.fr';

export function contentSecurityPolicy(basemap: Basemap) {
  const ign = basemap === 'offline' ? [] : [IGN_ORIGIN];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...ign],
    fontSrc: ["'self'", 'data:', ...ign],
    connectSrc: ["'self'", ...ign],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

export function securityHeaders(basemap: Basemap) {
  return secureHeaders({
    contentSecurityPolicy: contentSecurityPolicy(basemap),
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    // Geolocation for this origin only: « Me localiser » of /snp asks for it on a click.
    permissionsPolicy: { camera: [], microphone: [], geolocation: ['self'], payment: [], usb: [] },
  });
}
