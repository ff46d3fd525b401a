import {
  applyAnchorReport,
  MAX_MISSING_ANCHORS,
  missingAnchorText,
  type AnchorReport,
  type MissingAnchor,
} from '../../../lib/domain/seller-central-health';

const missing: AnchorReport = { feature: 'cancel-warning', page: 'manage-orders', placed: false };
const placed: AnchorReport = { ...missing, placed: true };

describe('Seller Central health records', () => {
  it('records a miss with when it was first and last seen', () => {
    const first = applyAnchorReport([], missing, '2026-12-01T10:00:00.000Z');
    expect(first).toEqual([
      {
        ...withoutPlaced(missing),
        firstSeen: '2026-12-01T10:00:00.000Z',
        lastSeen: '2026-12-01T10:00:00.000Z',
      },
    ]);
    const again = applyAnchorReport(first, missing, '2026-12-01T11:00:00.000Z');
    expect(again).toEqual([
      {
        ...withoutPlaced(missing),
        firstSeen: '2026-12-01T10:00:00.000Z',
        lastSeen: '2026-12-01T11:00:00.000Z',
      },
    ]);
  });

  it('clears a miss when the feature is placed on that kind of page again, and only that one', () => {
    const cancelPage: AnchorReport = { feature: 'cancel-warning', page: 'cancel-order', placed: false };
    const records = applyAnchorReport(applyAnchorReport([], missing, 'a'), cancelPage, 'b');
    expect(applyAnchorReport(records, placed, 'c')).toEqual([
      { feature: 'cancel-warning', page: 'cancel-order', firstSeen: 'b', lastSeen: 'b' },
    ]);
  });

  it('changes nothing (same array) when a placement has nothing to clear', () => {
    const records: readonly MissingAnchor[] = [];
    expect(applyAnchorReport(records, placed, 'a')).toBe(records);
  });

  it('keeps at most MAX_MISSING_ANCHORS records, the newest first', () => {
    const junk: MissingAnchor[] = Array.from({ length: MAX_MISSING_ANCHORS }, (_, i) => ({
      feature: 'order-panel',
      page: 'shipping',
      firstSeen: `old ${i}`,
      lastSeen: `old ${i}`,
    }));
    const next = applyAnchorReport(junk, missing, 'new');
    expect(next).toHaveLength(MAX_MISSING_ANCHORS);
    expect(next[0]).toMatchObject({ feature: 'cancel-warning', firstSeen: 'new' });
  });

  it('says what could not be placed where, in words', () => {
    expect(missingAnchorText(missing)).toBe('the cancel warning could not be placed on Manage Orders');
    expect(missingAnchorText({ feature: 'cancel-warning', page: 'cancel-order' })).toBe(
      'the cancel warning could not be placed on the Cancel Order page',
    );
  });
});

function withoutPlaced({ feature, page }: AnchorReport) {
  return { feature, page };
}
