import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { SearchInitiativesQuery } from './queries';

const REMEMBERED = 'wg.searchInitiative';

export interface SearchInitiative {
  id: string;
  slug: string;
  name: string;
}

/**
 * The initiative the banner's search box searches, as a user expects: the one of the page they are
 * on (`/i/<slug>/...`, or the one chosen on the search page, `?i=<id>`); else the one whose pages
 * they visited last in this tab; else their first initiative. Pages under `/groups`, `/meetings`...
 * do not name their initiative in the address, so the remembered one stands for them.
 */
export function useSearchInitiative(): { current: SearchInitiative | null; all: SearchInitiative[] } {
  const { data } = useQuery(SearchInitiativesQuery);
  const location = useLocation();
  const all = data?.initiatives ?? [];
  const slug = /^\/i\/([^/]+)/.exec(location.pathname)?.[1];
  const chosen = location.pathname === '/search' ? new URLSearchParams(location.search).get('i') : null;
  const fromPage = all.find((i) => (slug ? i.slug === decodeURIComponent(slug) : chosen ? i.id === chosen : false));
  const remembered = all.find((i) => i.id === sessionStorage.getItem(REMEMBERED));
  const current = fromPage ?? remembered ?? all[0] ?? null;
  useEffect(() => {
    if (fromPage) sessionStorage.setItem(REMEMBERED, fromPage.id);
  }, [fromPage]);
  return { current, all };
}
