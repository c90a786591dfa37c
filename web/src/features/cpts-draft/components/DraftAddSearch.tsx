/** Add any commune to the draft by name, postcode or INSEE code — not only the bordering ones. */
import { useState } from 'react';
import { SearchBox } from '../../search/components/SearchBox';
import type { SearchResult } from '../../search/api/search-communes';

export interface DraftAddSearchProps {
  draft: string[];
  onAdd: (r: SearchResult) => void;
}

export function DraftAddSearch({ draft, onAdd }: DraftAddSearchProps) {
  const [said, setSaid] = useState('');
  const [round, setRound] = useState(0);
  return (
    <div className="maillage-draft__add fr-mb-2w">
      <SearchBox
        key={round}
        label="Ajouter une commune (nom, code postal ou code INSEE)"
        placeholder="ex. Saint-Pierre, 97410, 97416"
        onSelect={(r) => {
          if (draft.includes(r.code)) setSaid(`${r.nom} (${r.code}) est déjà dans le brouillon.`);
          else {
            onAdd(r);
            setSaid(`${r.nom} (${r.code}) ajoutée au brouillon.`);
          }
          setRound((n) => n + 1);
        }}
      />
      <p className="fr-text--xs fr-mb-0" role="status">{said}</p>
    </div>
  );
}
