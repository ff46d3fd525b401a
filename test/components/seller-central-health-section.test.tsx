// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SellerCentralHealthSection } from '../../components/settings/seller-central-health-section';
import { recordSellerCentralHealth } from '../../lib/background/seller-central-health';
import { formatDateTime } from '../../lib/format-time';

const seenAt = '2026-11-30T08:15:00.000Z';
const clock = { now: () => Date.parse(seenAt) };

describe('SellerCentralHealthSection', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says nothing while every feature found its place', async () => {
    const { container } = render(<SellerCentralHealthSection />);
    await act(async () => {});
    expect(container).toBeEmptyDOMElement();
  });

  it('tells the seller which protection is not active, where and since when; clears when it is placed again', async () => {
    await recordSellerCentralHealth(
      { feature: 'cancel-warning', page: 'manage-orders', placed: false },
      clock,
    );
    render(<SellerCentralHealthSection />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Seller Central changed: the cancel warning could not be placed on Manage Orders since ${formatDateTime(seenAt)}. ` +
        'Cancel in the order manager until an update fixes this.',
    );
    await act(() =>
      recordSellerCentralHealth({ feature: 'cancel-warning', page: 'manage-orders', placed: true }, clock),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a miss reported while the page is open', async () => {
    render(<SellerCentralHealthSection />);
    await act(() =>
      recordSellerCentralHealth({ feature: 'cancel-warning', page: 'cancel-order', placed: false }, clock),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /the cancel warning could not be placed on the Cancel Order page since/,
    );
  });
});
