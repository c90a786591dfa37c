/** The draft of a CPTS perimeter, in the address (`brouillon=1&ajouts=…&retraits=…`), with its effects. */
import { useMemo } from 'react';
import { patchParams, useSearchParams } from '../../url-state';
import { draftCommunes, draftEffects, parseChange, toggleCommune, type DraftChange, type Membership } from '../../../features/cpts-draft/draft-logic';
import { useNeighbourhood } from '../../../features/cpts/api/get-neighbourhood';
import { usePerimeter } from '../../../features/cpts-draft/api/post-perimeter';

export function useCptsDraft(id: string, official: string[] | null) {
  const params = useSearchParams();
  const on = params.get('brouillon') === '1';
  const change = parseChange(params.get('ajouts'), params.get('retraits'));
  const changeKey = `${change.added.join(',')}|${change.removed.join(',')}`;
  const draft = useMemo(() => (official ? draftCommunes(official, change) : null), [official, changeKey]);
  const changed = change.added.length + change.removed.length > 0;

  const officialHood = useNeighbourhood(official);
  const draftHood = useNeighbourhood(on && changed ? draft : null);
  // The perimeter is computed for the official communes too: area and pieces are known before any change.
  const perimeter = usePerimeter(on ? draft : null);

  const membership = useMemo(() => {
    const map = new Map<string, Membership>();
    for (const data of [officialHood.data, on && changed ? draftHood.data : undefined]) {
      for (const m of [...(data?.membres ?? []), ...(data?.voisines ?? [])]) map.set(m.code, m);
    }
    return map;
  }, [officialHood.data, draftHood.data, on, changed]);

  const effects = useMemo(() => (official && draft ? draftEffects(id, official, change, membership) : null), [official, changeKey, membership]);
  const candidates = ((on && changed ? draftHood.data : officialHood.data)?.voisines ?? []).filter((v) => !draft?.includes(v.code));

  const setChange = (c: DraftChange) => patchParams({ ajouts: c.added.join(',') || null, retraits: c.removed.join(',') || null }, { replace: true });
  return {
    on,
    change,
    changed,
    draft,
    effects,
    membership,
    candidates,
    officialHood,
    perimeter,
    toggle: (code: string) => official && setChange(toggleCommune(official, change, code)),
    add: (code: string) => official && !draft?.includes(code) && setChange(toggleCommune(official, change, code)),
    reset: () => setChange({ added: [], removed: [] }),
    setOn: (v: boolean) => patchParams({ brouillon: v ? '1' : null, ...(v ? {} : { ajouts: null, retraits: null }) }),
  };
}
