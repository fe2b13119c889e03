/** TypeORM returns [rows, affectedCount] for UPDATE and DELETE on PostgreSQL; rows for the rest. */
export function updatedRows<T>(result: unknown): { rows: T[]; count: number } {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return { rows: result[0] as T[], count: result[1] };
  }
  const rows = (Array.isArray(result) ? result : []) as T[];
  return { rows, count: rows.length };
}
