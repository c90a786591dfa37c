/**
 * `date=AAAA-MM-JJ` in the address asks every answer « au <date> » (lib/api-client.ts adds it to
 * each API call): when it changes, every query is fetched again for the new day.
 */
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useParam } from './url-state';

export function useDateScope() {
  const [date] = useParam('date');
  const qc = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'page-code' && q.queryKey[0] !== 'session' });
  }, [date]);
}
