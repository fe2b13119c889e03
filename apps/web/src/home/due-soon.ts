/** How far ahead "due soon" looks. */
export const DUE_SOON_DAYS = 30;

interface DueItem {
  id: string;
  dueAt?: string | null;
  status: string;
  overdue: boolean;
  owner?: { id: string } | null;
}

/** The reader's own open items that are overdue or due within DUE_SOON_DAYS, soonest first, each once. */
export function dueSoon<T extends DueItem>(items: T[], personId: string, now: number): T[] {
  const horizon = now + DUE_SOON_DAYS * 86_400_000;
  const seen = new Set<string>();
  return items
    .filter((item) => {
      if (seen.has(item.id)) return false;
      seen.add(item.id);
      if (item.owner?.id !== personId || !item.dueAt || item.status === 'DONE' || item.status === 'CANCELLED') return false;
      return item.overdue || new Date(item.dueAt).getTime() <= horizon;
    })
    .sort((a, b) => new Date(a.dueAt!).getTime() - new Date(b.dueAt!).getTime());
}
