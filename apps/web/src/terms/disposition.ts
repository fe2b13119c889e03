import { session } from '../auth/session';

export type DispositionFormat = 'md' | 'csv';

/**
 * Fetches GET /terms/<id>/disposition.(md|csv) with the session's bearer token (a plain link
 * could not send it) and saves the answer as a file. Resolves to the HTTP status when refused.
 */
export async function downloadDisposition(id: string, format: DispositionFormat, fileStem: string): Promise<number | null> {
  const token = session.token();
  const response = await fetch(`/terms/${encodeURIComponent(id)}/disposition.${format}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) return response.status;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileStem}.${format}`;
  link.click();
  URL.revokeObjectURL(url);
  return null;
}
