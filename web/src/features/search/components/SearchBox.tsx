/**
 * Commune search: name, postcode, INSEE code or an address-like text. An accessible combobox:
 * arrows move through the results, Enter picks, Escape closes.
 */
import { useEffect, useId, useState } from 'react';
import { useSearch, type SearchResult } from '../api/search-communes';
import { formatInteger } from '../../../lib/format';

export interface SearchBoxProps {
  onSelect: (result: SearchResult) => void;
  label?: string;
  placeholder?: string;
  initialQuery?: string;
}

function useDebounced(value: string, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const MATCH_LABEL: Record<SearchResult['match'], string> = {
  nom: '',
  code_postal: 'code postal',
  code_insee: 'code INSEE',
  ancien_code: 'ancien code',
};

export function SearchBox({ onSelect, label = 'Rechercher une commune', placeholder = 'Nom, code postal ou code INSEE', initialQuery = '' }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebounced(text, 200);
  const { data, isFetching, isError, error } = useSearch(query);
  const results = data?.results ?? [];

  const choose = (r: SearchResult | undefined) => {
    if (!r) return;
    setText(r.label);
    setOpen(false);
    onSelect(r);
  };

  return (
    <div className="fr-input-group maillage-search">
      <label className="fr-label" htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        className="fr-input"
        type="search"
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <p className="fr-sr-only" aria-live="polite">
        {open && query.length >= 2 && !isFetching ? `${results.length} résultat${results.length > 1 ? 's' : ''}` : ''}
      </p>
      {isError && <p className="fr-error-text">{(error as Error).message}</p>}
      {open && query.length >= 2 && !isFetching && results.length === 0 && !isError && (
        <p className="fr-text--sm fr-mt-1w">Aucune commune ne correspond à « {query} ».</p>
      )}
      {open && results.length > 0 && (
        <ul id={`${id}-list`} role="listbox" aria-label="Communes trouvées" className="maillage-search__results">
          {results.map((r, i) => (
            <li
              key={r.code}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <strong>{r.nom}</strong> <span className="fr-text--xs">({r.departement.code} — {r.departement.nom})</span>
              <span className="fr-text--xs maillage-search__meta">
                {formatInteger(r.population)} hab.{MATCH_LABEL[r.match] ? ` · ${MATCH_LABEL[r.match]}` : ''}
                {r.ancienCode ? ` ${r.ancienCode.code}${r.ancienCode.nom ? ` (${r.ancienCode.nom})` : ''}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
