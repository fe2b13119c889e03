/** Typed builders of the client's routes (contract/ui.md): links never spell paths by hand. */
export const urls = {
  home: () => '/',
  signIn: (next?: string) => (next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  invitation: (token: string) => `/invitation/${encodeURIComponent(token)}`,
  initiative: (slug: string) => `/i/${encodeURIComponent(slug)}`,
  kpis: (slug: string) => `/i/${encodeURIComponent(slug)}/kpis`,
  decisions: (slug: string) => `/i/${encodeURIComponent(slug)}/decisions`,
  kpi: (slug: string, id: string) => `/i/${encodeURIComponent(slug)}/kpis/${id}`,
  group: (id: string) => `/groups/${id}`,
  terms: (id: string) => `/terms/${id}`,
  ballot: (id: string) => `/ballots/${id}`,
  meeting: (id: string) => `/meetings/${id}`,
  notifications: () => '/notifications',
  settings: () => '/settings',
  search: (query: string, initiativeId: string) => `/search?${new URLSearchParams({ q: query, i: initiativeId }).toString()}`,
};
