/** The receipt of the reader's last vote on a ballot, kept in this browser (the API gives it only once). */
export interface StoredReceipt {
  ballotId: string;
  document: string;
  version: number;
  position: string;
  revision: number;
  castAt: string;
  receipt: string;
}

const key = (ballotId: string, personId: string) => `wg.receipt.${ballotId}.${personId}`;

export const receipts = {
  load(ballotId: string, personId: string): StoredReceipt | null {
    const raw = localStorage.getItem(key(ballotId, personId));
    return raw ? (JSON.parse(raw) as StoredReceipt) : null;
  },
  save(personId: string, receipt: StoredReceipt): void {
    localStorage.setItem(key(receipt.ballotId, personId), JSON.stringify(receipt));
  },
};

/** Saves the receipt as a JSON file, e.g. `receipt-<ballot>-r2.json`. */
export function downloadReceipt(receipt: StoredReceipt): void {
  const blob = new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `receipt-${receipt.ballotId}-r${receipt.revision}.json`;
  link.click();
  URL.revokeObjectURL(url);
}
