/** « Copier le lien » of the draft: its whole state is the page address. */
import { useState } from 'react';

export function CopyLinkButton() {
  const [status, setStatus] = useState('');
  const copy = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Lien du brouillon copié : collez-le dans un message pour le partager.');
    } catch {
      setStatus(`Copie impossible dans ce navigateur : sélectionnez l’adresse ci-dessous. ${url}`);
    }
  };
  return (
    <>
      <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={copy}>Copier le lien du brouillon</button>
      <p className="fr-text--xs fr-mb-0 maillage-copy-status" role="status">{status}</p>
    </>
  );
}
