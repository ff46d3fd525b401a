// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DemoBanner } from '../../components/demo/demo-banner';

describe('DemoBanner', () => {
  it('says in plain words that the orders are made up, and where to connect the account', async () => {
    const onOpenSettings = vi.fn();
    render(<DemoBanner onOpenSettings={onOpenSettings} />);
    const banner = screen.getByTestId('demo-banner');
    expect(banner).toHaveTextContent(
      'Demo data — these are made-up orders for trying things out, not your Amazon account. Connect your Amazon account in Settings to see your own orders.',
    );
    expect(banner.textContent).not.toMatch(/SP-API|sandbox|credentials/);
    await userEvent.setup().click(screen.getByRole('link', { name: 'Settings' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });
});
