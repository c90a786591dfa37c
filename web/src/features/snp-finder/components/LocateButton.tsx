/**
 * « Me localiser »: the browser's geolocation, asked only on a click. When it is refused or fails,
 * a clear sentence says so and hands over to the search field (focused), nothing else changes.
 */
import { useState } from 'react';

export interface LocateButtonProps {
  onLocated: (p: { lon: number; lat: number }) => void;
  /** Called when the position cannot be had, to bring the visitor back to the search field. */
  onFallback: () => void;
}

const MESSAGES: Record<number, string> = {
  1: 'Localisation refusée : tapez votre commune ou votre code postal dans le champ ci-dessus.',
  2: 'Position introuvable pour l’instant : tapez votre commune ou votre code postal dans le champ ci-dessus.',
  3: 'La localisation a pris trop de temps : tapez votre commune ou votre code postal dans le champ ci-dessus.',
};

export function LocateButton({ onLocated, onFallback }: LocateButtonProps) {
  const [status, setStatus] = useState<'idle' | 'pending' | 'failed'>('idle');
  const [message, setMessage] = useState('');
  const fail = (text: string) => {
    setStatus('failed');
    setMessage(text);
    onFallback();
  };
  const locate = () => {
    if (!('geolocation' in navigator)) return fail('Ce navigateur ne donne pas sa position : tapez votre commune ou votre code postal dans le champ ci-dessus.');
    setStatus('pending');
    setMessage('');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setStatus('idle');
        onLocated({ lon: Math.round(p.coords.longitude * 1e5) / 1e5, lat: Math.round(p.coords.latitude * 1e5) / 1e5 });
      },
      (e) => fail(MESSAGES[e.code] ?? MESSAGES[2]!),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };
  return (
    <div className="maillage-locate fr-mb-1w">
      <button type="button" className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-map-pin-2-line" onClick={locate} disabled={status === 'pending'}>
        {status === 'pending' ? 'Localisation en cours…' : 'Me localiser'}
      </button>
      <p className="fr-text--sm fr-mb-0 maillage-locate__message" role="status">{message}</p>
    </div>
  );
}
