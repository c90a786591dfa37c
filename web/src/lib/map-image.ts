/**
 * The exported map image: the map canvas with a caption band below it (title, date, sources), so
 * that a PNG pasted into a report still says what it shows and where the data come from.
 */
export interface Caption {
  title: string;
  lines: string[];
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Image de la carte illisible.'));
    img.src = src;
  });
}

/** Breaks `text` into lines no wider than `width` px in the context's current font (never cut). */
export function wrapText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > width) {
      out.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) out.push(line);
  return out;
}

export async function captionedMapPng(mapDataUrl: string, caption: Caption): Promise<string> {
  const img = await loadImage(mapDataUrl);
  const lineHeight = 18;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('Dessin impossible dans ce navigateur.');
  measure.font = '13px Marianne, Arial, sans-serif';
  const lines = caption.lines.flatMap((l) => wrapText(measure, l, img.width - 24));
  const band = 16 + 22 + lines.length * lineHeight;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + band;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Dessin impossible dans ce navigateur.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0);
  ctx.fillStyle = '#161616';
  ctx.font = 'bold 16px Marianne, Arial, sans-serif';
  ctx.fillText(caption.title, 12, img.height + 26);
  ctx.font = '13px Marianne, Arial, sans-serif';
  lines.forEach((line, i) => ctx.fillText(line, 12, img.height + 26 + (i + 1) * lineHeight));
  return canvas.toDataURL('image/png');
}

/** Makes the browser save a data URL under a file name. */
export function downloadDataUrl(dataUrl: string, fileName: string) {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/** `2026-11-23`, the day in France, for file names and reports. */
export const todayInParis = () => new Intl.DateTimeFormat('fr-CA', { timeZone: 'Europe/Paris' }).format(new Date());
