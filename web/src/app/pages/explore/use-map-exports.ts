/** Map image export (PNG with a caption) and the printable report (map image first, then print). */
import { useState, type RefObject } from 'react';
import type { MapHandle } from '../../../map/MapView';
import { captionedMapPng, downloadDataUrl, todayInParis } from '../../../lib/map-image';

export function useMapExports(handle: RefObject<MapHandle | null>, nom: string, territory: string) {
  const [printImage, setPrintImage] = useState<string | null>(null);
  const capture = async () => {
    if (!handle.current) throw new Error('La carte n’est pas encore affichée.');
    return handle.current.toPng();
  };
  const downloadPng = async () => {
    const png = await captionedMapPng(await capture(), {
      title: `Maillage — ${nom}`,
      lines: [`Carte du ${new Date().toLocaleDateString('fr-FR')} — ${window.location.href}`, 'Sources : voir les légendes (contours IGN ADMIN EXPRESS, INSEE COG ; offre de soins : FINESS, ARS, Assurance Maladie).'],
    });
    downloadDataUrl(png, `maillage-carte-${territory.replace(':', '-')}-${todayInParis()}.png`);
  };
  const print = async () => {
    setPrintImage(await capture());
    // Let React put the image in the report before the print dialog opens.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    window.print();
  };
  return { downloadPng, print, printImage };
}
