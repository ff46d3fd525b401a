// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OptionsPage } from '../../components/settings/options-page';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings-schema';
import { MemorySettingsSource } from './memory-services';

describe('Settings: buyer cancellation requests', () => {
  it('saves the response window and each reminder, and says where 48 hours comes from', async () => {
    const user = userEvent.setup();
    const source = new MemorySettingsSource(DEFAULT_SETTINGS);
    render(<OptionsPage source={source} />);
    const hours = await screen.findByLabelText('Hours a buyer’s request waits for your answer');
    expect(hours).toHaveValue(48);
    expect(
      screen.getByText(/The 48 hours are an assumption: sellers speak of about two days/),
    ).toBeInTheDocument();
    await user.clear(hours);
    await user.type(hours, '36');
    await user.click(screen.getByLabelText('Remind me when 6 hours are left'));
    await user.click(screen.getByRole('button', { name: 'Save buyer request settings' }));
    expect(await screen.findByText('Buyer request settings saved.')).toBeInTheDocument();
    const saved = await source.load();
    expect(saved.buyerRequestWindowHours).toBe(36);
    expect(saved.remindAt6Hours).toBe(false);
    expect(saved.remindAt24Hours).toBe(true);
    expect(saved.muteBuyerRequestNotifications).toBe(false);
  });

  it('refuses a window outside 1 to 168 hours, marks the field and saves nothing', async () => {
    const user = userEvent.setup();
    const source = new MemorySettingsSource(DEFAULT_SETTINGS);
    render(<OptionsPage source={source} />);
    const hours = await screen.findByLabelText('Hours a buyer’s request waits for your answer');
    await user.clear(hours);
    await user.type(hours, '500');
    await user.click(screen.getByRole('button', { name: 'Save buyer request settings' }));
    expect(await screen.findByText('Enter whole hours from 1 to 168.')).toBeInTheDocument();
    expect(hours).toHaveAttribute('aria-invalid', 'true');
    expect(hours).toHaveFocus();
    expect((await source.load()).buyerRequestWindowHours).toBe(48);
  });

  it('greys out the single reminders while all are muted', async () => {
    const user = userEvent.setup();
    render(<OptionsPage source={new MemorySettingsSource(DEFAULT_SETTINGS)} />);
    await user.click(await screen.findByLabelText(/Mute all buyer request notifications/));
    expect(screen.getByLabelText('Remind me when 1 hour is left')).toBeDisabled();
  });
});
