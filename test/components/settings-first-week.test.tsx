// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMessageHandlers, type MessageHandlerDeps } from '../../lib/background/message-handlers';
import { ManualClock } from '../../lib/clock';
import { createSandbox, SANDBOX_CREDENTIALS } from '../../lib/sandbox';
import { OptionsPage } from '../../components/settings/options-page';
import type { SettingsSource, TestConnectionResult } from '../../components/settings/settings-source';
import type { EndpointOverride, SavedCredentials } from '../../lib/settings/settings-schema';
import { MemorySettingsSource } from './memory-services';

const MERCHANT_TOKEN = /^Merchant token \(needed to cancel orders\)/;
const NOW = Date.parse('2026-11-26T10:00:00Z');

type User = ReturnType<typeof userEvent.setup>;

async function renderOptions<S extends SettingsSource>(source: S) {
  render(<OptionsPage source={source} />);
  await screen.findByRole('heading', { name: 'Amazon SP-API credentials' });
  return { source, user: userEvent.setup() };
}

async function fillAppCredentials(user: User, refreshToken = SANDBOX_CREDENTIALS.refreshToken) {
  await user.type(screen.getByLabelText('LWA client id'), SANDBOX_CREDENTIALS.clientId);
  await user.type(screen.getByLabelText('LWA client secret'), SANDBOX_CREDENTIALS.clientSecret);
  await user.type(screen.getByLabelText(/^Refresh token/), refreshToken);
  await user.click(screen.getByRole('checkbox', { name: 'Amazon.com (US)' }));
}

/** The background's own test-connection handler, reaching "the network" through `network`. */
function backgroundSettingsSource(): SettingsSource {
  const memory = new MemorySettingsSource();
  return {
    load: () => memory.load(),
    save: (patch) => memory.save(patch),
    async testConnection(credentials: SavedCredentials, endpointOverride: EndpointOverride | null) {
      // Only the clock is used by this handler.
      const deps = { clock: new ManualClock(NOW) } as unknown as MessageHandlerDeps;
      return (await createMessageHandlers(deps)['test-connection'](
        { type: 'test-connection', credentials, endpointOverride },
        { id: 'ext', url: 'chrome-extension://ext/options.html' },
      )) as TestConnectionResult;
    },
  };
}

function markedFields() {
  return [...document.querySelectorAll('[aria-invalid="true"]')];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Settings a seller gets right the first time', () => {
  it('tests the connection without a merchant token, but says cancels will not be sent and marks the field', async () => {
    const { source, user } = await renderOptions(new MemorySettingsSource());
    await fillAppCredentials(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = screen.getByRole('status', { name: 'Connection test result' });
    await within(result).findByText(/^Connected: Marketplaces: Amazon\.com/);
    expect(result).toHaveTextContent(/cancels will not be sent to Amazon until you fill it in/);
    expect(source.testConnection).toHaveBeenCalledWith(
      expect.not.objectContaining({ sellerId: expect.anything() }),
      null,
    );
    const token = screen.getByLabelText(MERCHANT_TOKEN);
    expect(token).toHaveAttribute('aria-invalid', 'true');
    expect(token).toHaveAccessibleDescription(/cancels are not sent to Amazon without it/);
    expect(source.saved).toEqual([]);

    // Filling it in takes the mark away.
    await user.type(token, 'A1SANDBOXSELLER');
    expect(token).not.toHaveAttribute('aria-invalid');
  });

  it('says "Connected:" once, with the background’s real answer', async () => {
    const sandbox = createSandbox({ clock: new ManualClock(NOW), seed: 3, orderCount: 5 });
    vi.stubGlobal('fetch', (request: Request) => sandbox.fetch(request));
    const { user } = await renderOptions(backgroundSettingsSource());
    await fillAppCredentials(user);
    await user.type(screen.getByLabelText(MERCHANT_TOKEN), SANDBOX_CREDENTIALS.sellerId);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = screen.getByRole('status', { name: 'Connection test result' });
    await within(result).findByText(/^Connected: Amazon accepted the credentials/);
    expect(result.textContent?.match(/Connected/g)).toHaveLength(1);
  });

  it('refuses a refresh token that does not start with Atzr|, marks it and moves focus to it', async () => {
    const { source, user } = await renderOptions(new MemorySettingsSource());
    await fillAppCredentials(user, 'IwEBIcopied-from-the-wrong-place');
    await user.type(screen.getByLabelText(MERCHANT_TOKEN), 'A1SANDBOXSELLER');
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    const refresh = screen.getByLabelText(/^Refresh token/);
    expect(refresh).toHaveAttribute('aria-invalid', 'true');
    expect(refresh).toHaveAccessibleDescription(/A refresh token starts with Atzr\|/);
    expect(refresh).toHaveFocus();
    expect(markedFields()).toEqual([refresh]);
    expect(screen.getByRole('status', { name: 'Save result' })).toHaveTextContent(
      'Please correct the marked fields.',
    );
    expect(source.saved).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(source.testConnection).not.toHaveBeenCalled();
  });

  it('refuses ftp: and javascript: Advanced addresses, each marked where it was typed, focus on the first', async () => {
    const { source, user } = await renderOptions(new MemorySettingsSource());
    await fillAppCredentials(user);
    await user.type(screen.getByLabelText(MERCHANT_TOKEN), 'A1SANDBOXSELLER');
    await user.click(screen.getByText('Advanced'));
    const base = screen.getByLabelText('SP-API base URL');
    const token = screen.getByLabelText('LWA token URL');

    // One address alone: the refused one is marked, not only the empty one.
    await user.type(base, 'ftp://sellingpartnerapi-na.amazon.com');
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(base).toHaveAttribute('aria-invalid', 'true');
    expect(base).toHaveAccessibleDescription(/Only https:\/\/ addresses are allowed/);
    expect(base).toHaveFocus();

    await user.type(token, 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(base).toHaveAttribute('aria-invalid', 'true');
    expect(token).toHaveAttribute('aria-invalid', 'true');
    expect(token).toHaveAccessibleDescription(/Only https:\/\/ addresses are allowed/);
    expect(base).toHaveFocus();
    expect(markedFields()).toEqual([base, token]);
    expect(source.saved).toEqual([]);
  });

  it('opens Advanced to show a marked address the seller had closed away', async () => {
    const { user } = await renderOptions(new MemorySettingsSource());
    await fillAppCredentials(user);
    await user.type(screen.getByLabelText(MERCHANT_TOKEN), 'A1SANDBOXSELLER');
    const advanced = screen.getByText('Advanced').closest('details')!;
    await user.click(screen.getByText('Advanced'));
    await user.type(screen.getByLabelText('SP-API base URL'), 'data:text/plain,hello');
    await user.click(screen.getByText('Advanced'));
    expect(advanced.open).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(advanced.open).toBe(true);
    expect(screen.getByLabelText('SP-API base URL')).toHaveFocus();
  });

  it('never says "Please correct the marked fields" while no field is marked', async () => {
    const { user } = await renderOptions(new MemorySettingsSource());
    const saveResult = screen.getByRole('status', { name: 'Save result' });
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(saveResult).toHaveTextContent('Please correct the marked fields.');
    expect(markedFields().length).toBeGreaterThan(0);

    // The seller corrects every field, then tests the connection before saving again.
    await fillAppCredentials(user);
    await user.type(screen.getByLabelText(MERCHANT_TOKEN), 'A1SANDBOXSELLER');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText(/^Connected:/);
    expect(markedFields()).toEqual([]);
    expect(saveResult).not.toHaveTextContent(/marked fields/);
  });

  it('drops "Fill in the marked fields" once the seller has corrected them', async () => {
    const { user } = await renderOptions(new MemorySettingsSource());
    const testResult = screen.getByRole('status', { name: 'Connection test result' });
    await fillAppCredentials(user, 'not-a-token');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(testResult).toHaveTextContent('Fill in the marked fields before testing.');
    await user.clear(screen.getByLabelText(/^Refresh token/));
    await user.type(screen.getByLabelText(/^Refresh token/), 'Atzr|fixed');
    expect(markedFields()).toEqual([]);
    expect(testResult).not.toHaveTextContent(/marked fields/);
  });

  it('names the Advanced address, not the internet connection, when nothing answers', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const { user } = await renderOptions(backgroundSettingsSource());
    await fillAppCredentials(user);
    await user.type(screen.getByLabelText(MERCHANT_TOKEN), 'A1SANDBOXSELLER');
    await user.click(screen.getByText('Advanced'));
    await user.type(screen.getByLabelText('SP-API base URL'), 'https://sellingpartnerapi-eu.amazon.com');
    await user.type(screen.getByLabelText('LWA token URL'), 'https://api.amazon.com/auth/o2/token');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = screen.getByRole('status', { name: 'Connection test result' });
    await within(result).findByText(/Could not reach/);
    expect(result).toHaveTextContent(
      'Could not reach https://api.amazon.com/auth/o2/token (Advanced: LWA token URL). Check that address, or clear both Advanced addresses to use Amazon’s.',
    );
    expect(result).not.toHaveTextContent(/internet connection/);

    // Without Advanced addresses, Amazon itself could not be reached: check the connection.
    await user.clear(screen.getByLabelText('SP-API base URL'));
    await user.clear(screen.getByLabelText('LWA token URL'));
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await within(result).findByText(/Could not reach Amazon/);
    expect(result).toHaveTextContent(
      /Could not reach Amazon’s login service\. Check the internet connection/,
    );
  });

  it('puts the self-authorisation guide in the credentials section, with Product Listing and the merchant token step', async () => {
    await renderOptions(new MemorySettingsSource());
    const credentials = screen.getByRole('region', { name: 'Amazon SP-API credentials' });
    const guide = within(credentials).getByRole('region', {
      name: 'How to self-authorise a private SP-API app',
    });
    expect(guide).toHaveTextContent(/Inventory and Order Tracking: orders, order reports and cancels/);
    expect(guide).toHaveTextContent(
      /Product Listing: needed for “Allow zeroing out inventory when cancelling”/,
    );
    expect(guide).toHaveTextContent(/Amazon Fulfillment: for later features/);
    expect(guide).toHaveTextContent(/Settings → Account Info → Merchant Token/);
    // Beside the fields it fills, before the first of them.
    expect(
      guide.compareDocumentPosition(screen.getByLabelText('LWA client id')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
  });
});
