/**
 * Map image export (PNG with a caption) and the printable report. The report's map image is kept
 * up to date after each complete drawing of the map (MapLibre `idle`, debounced), so that printing
 * from the browser's own menu (Ctrl+P) shows the map as the button does; the button captures a
 * fresh image and waits for everything the report shows (the sources, the decoded image) before
 * the print dialog opens.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { MapHandle } from '../../../map/MapView';
import { captionedMapPng, downloadDataUrl, todayInParis } from '../../../lib/map-image';
import { sourcesQuery } from '../../../features/report/api/get-sources';

/** Quiet time after the map's last `idle` before its image is taken for the report. */
const IDLE_CAPTURE_MS = 400;

export function useMapExports(handle: RefObject<MapHandle | null>, nom: string, territory: string) {
  const client = useQueryClient();
  const [printImage, setPrintImage] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const current = useRef<string | null>(null);
  // Taking the image repaints the map, which ends in another `idle`: that one is ours, not a change.
  const ownRepaint = useRef(false);
  const show = (url: string) => {
    if (current.current?.startsWith('blob:')) URL.revokeObjectURL(current.current);
    current.current = url;
    setPrintImage(url);
  };
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
    if (current.current?.startsWith('blob:')) URL.revokeObjectURL(current.current);
  }, []);

  const capture = async () => {
    if (!handle.current) throw new Error('La carte n’est pas encore affichée.');
    return handle.current.toPng();
  };
  /** For MapView's onIdle: refresh the report's image once the map is quiet. */
  const onMapIdle = () => {
    if (ownRepaint.current) {
      ownRepaint.current = false;
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!handle.current) return;
      ownRepaint.current = true;
      handle.current.toBlob().then((b) => show(URL.createObjectURL(b)), () => undefined).finally(() => {
        // Had the repaint ended in no `idle`, the next real one is not skipped.
        setTimeout(() => { ownRepaint.current = false; }, 100);
      });
    }, IDLE_CAPTURE_MS);
  };
  const downloadPng = async () => {
    const png = await captionedMapPng(await capture(), {
      title: `Maillage — ${nom}`,
      lines: [`Carte du ${new Date().toLocaleDateString('fr-FR')} — ${window.location.href}`, 'Sources : voir les légendes (contours IGN ADMIN EXPRESS, INSEE COG ; offre de soins : FINESS, ARS, Assurance Maladie).'],
    });
    downloadDataUrl(png, `maillage-carte-${territory.replace(':', '-')}-${todayInParis()}.png`);
  };
  const print = async () => {
    const [image] = await Promise.all([capture(), client.ensureQueryData(sourcesQuery())]);
    show(image);
    // Let React put the image and the sources in the report, then wait until the image is decoded.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await document.querySelector<HTMLImageElement>('img.maillage-report__map')?.decode().catch(() => undefined);
    window.print();
  };
  return { downloadPng, print, printImage, onMapIdle };
}
