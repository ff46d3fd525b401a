import { useEffect, useState } from 'react';
import { missingAnchorText, type MissingAnchor } from '../../lib/domain/seller-central-health';
import { formatDateTime } from '../../lib/format-time';
import { sellerCentralHealthItem } from '../../lib/background/seller-central-health';

/** Where the content script could not find its place; the stored item by default. */
export interface SellerCentralHealthSource {
  get(): Promise<readonly MissingAnchor[]>;
  watch(listener: (records: readonly MissingAnchor[]) => void): () => void;
}

export interface SellerCentralHealthSectionProps {
  readonly source?: SellerCentralHealthSource;
}

/**
 * "Seller Central changed": a seller must know when a protection on Seller Central is not active.
 * Shows nothing while every feature found its place.
 */
export function SellerCentralHealthSection({
  source = sellerCentralHealthItem,
}: SellerCentralHealthSectionProps) {
  const [records, setRecords] = useState<readonly MissingAnchor[]>([]);
  useEffect(() => {
    let live = true;
    const unwatch = source.watch((next) => setRecords(next));
    source.get().then(
      (stored) => {
        if (live) setRecords(stored);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unwatch();
    };
  }, [source]);

  if (records.length === 0) return null;
  return (
    <section className="options-section" aria-labelledby="seller-central-health-heading">
      <h2 id="seller-central-health-heading">Seller Central</h2>
      {records.map((record) => (
        <p key={`${record.feature}:${record.page}`} role="alert">
          Seller Central changed: {missingAnchorText(record)} since {formatDateTime(record.firstSeen)}. Cancel
          in the order manager until an update fixes this.
        </p>
      ))}
    </section>
  );
}
