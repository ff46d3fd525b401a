// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OptionsPage } from '../../components/settings/options-page';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings-schema';
import { MemorySettingsSource } from './memory-services';
import type { AccountDataSource, AccountDataSummary } from '../../components/settings/account-data-source';

const MERCHANT_TOKEN = /^Merchant token \(needed to cancel orders\)/;

async function renderOptions(settings: Settings = DEFAULT_SETTINGS) {
  const source = new MemorySettingsSource(settings);
  render(<OptionsPage source={source} />);
  await screen.findByRole('heading', { name: 'Amazon SP-API credentials' });
  return { source, user: userEvent.setup() };
}

async function fillCredentials(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('LWA client id'), 'amzn1.application-oa2-client.abc');
  await user.type(screen.getByLabelText('LWA client secret'), 'amzn1.oa2-cs.v1.secret');
  await user.type(screen.getByLabelText(/^Refresh token/), 'Atzr|IwEBI-token');
  await user.type(screen.getByLabelText(MERCHANT_TOKEN), 'a1b2c3d4e5f6g7');
}

describe('OptionsPage', () => {
  it('explains demo mode in a seller’s words, without naming the SP-API sandbox', async () => {
    await renderOptions();
    expect(await screen.findByText(/Demo mode: the orders shown are made up/)).toBeInTheDocument();
    expect(screen.getByText(/No Amazon account connected yet/)).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/sandbox/i);
  });

  it('labels every credentials input and hides the secrets', async () => {
    await renderOptions();
    expect(screen.getByLabelText('LWA client id')).not.toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('LWA client secret')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText(/^Refresh token/)).toHaveAttribute('type', 'password');
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue('na');
    expect(screen.getByLabelText(MERCHANT_TOKEN)).toHaveAccessibleDescription(
      /Required\. Each account.* Amazon needs it to cancel orders\. .*Settings → Account Info → Merchant Token/,
    );
    // Refunds do not exist yet: the hint must not promise them.
    expect(screen.getByLabelText(MERCHANT_TOKEN)).not.toHaveAccessibleDescription(/refund/);
    const marketplaces = screen.getByRole('group', { name: 'Marketplaces' });
    expect(
      within(marketplaces)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement?.textContent),
    ).toEqual(['Amazon.com (US)', 'Amazon.ca (CA)', 'Amazon.com.mx (MX)', 'Amazon.com.br (BR)']);
    expect(screen.getByLabelText('SP-API base URL')).toBeInTheDocument();
    expect(screen.getByLabelText('LWA token URL')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Allow order download' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Allow fulfillment upload' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Sync interval (minutes)' })).toHaveValue(30);
    expect(
      screen.getByRole('heading', { name: 'How to self-authorise a private SP-API app' }),
    ).toBeInTheDocument();
  });

  it('requires the credentials fields and shows why next to each', async () => {
    const { source, user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(screen.getByLabelText('LWA client id')).toHaveAccessibleDescription(/LWA client id is required$/);
    expect(screen.getByLabelText('LWA client secret')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Refresh token/)).toHaveAccessibleDescription(/Refresh token is required/);
    expect(screen.getByText('Choose at least one marketplace')).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Save result' })).toHaveTextContent(
      'Please correct the marked fields.',
    );
    expect(source.saved).toEqual([]);
  });

  it('saves valid credentials and offers to return to demo mode', async () => {
    const { source, user } = await renderOptions();
    await fillCredentials(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'eu');
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.co.uk (UK)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.de (DE)' }));
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(await screen.findByText(/^Saved\./)).toBeInTheDocument();
    expect(source.saved).toEqual([
      {
        credentials: {
          clientId: 'amzn1.application-oa2-client.abc',
          clientSecret: 'amzn1.oa2-cs.v1.secret',
          refreshToken: 'Atzr|IwEBI-token',
          region: 'eu',
          marketplaceIds: ['A1F83G8C2ARO7P', 'A1PA6795UKMFR9'],
          sellerId: 'A1B2C3D4E5F6G7',
        },
        endpointOverride: null,
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove credentials / return to demo mode' }));
    expect(await screen.findByText(/Credentials removed/)).toBeInTheDocument();
    expect(source.settings.credentials).toBeNull();
    expect(screen.getByLabelText('LWA client id')).toHaveValue('');
  });

  it('drops marketplaces of another region when the region changes', async () => {
    const { source, user } = await renderOptions();
    await fillCredentials(user);
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.com (US)' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'fe');
    expect(screen.queryByRole('checkbox', { name: 'Amazon.com (US)' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(screen.getByText('Choose at least one marketplace')).toBeInTheDocument();
    expect(source.saved).toEqual([]);
  });

  it('tests the connection with the form’s values and shows the answer', async () => {
    const { source, user } = await renderOptions();
    await fillCredentials(user);
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.com (US)' }));
    await user.type(screen.getByLabelText('SP-API base URL'), 'https://sellingpartnerapi-eu.amazon.com');
    await user.type(screen.getByLabelText('LWA token URL'), 'https://api.amazon.com/auth/o2/token');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = screen.getByRole('status', { name: 'Connection test result' });
    expect(await within(result).findByText('Connected: Marketplaces: Amazon.com')).toBeInTheDocument();
    expect(source.testConnection).toHaveBeenCalledWith(
      expect.objectContaining({
        clientId: 'amzn1.application-oa2-client.abc',
        marketplaceIds: ['ATVPDKIKX0DER'],
      }),
      {
        spApiBaseUrl: 'https://sellingpartnerapi-eu.amazon.com',
        lwaTokenUrl: 'https://api.amazon.com/auth/o2/token',
      },
    );

    source.testResult = { ok: false, message: 'The refresh token is not valid.', code: 'invalid_grant' };
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(
      await within(result).findByText('The connection test failed. The refresh token is not valid.'),
    ).toBeInTheDocument();
    // Amazon's code only in the collapsed technical details, not in the sentence.
    expect(screen.getByText('Technical details').closest('details')).toHaveTextContent('invalid_grant');
    expect(source.saved).toEqual([]);
  });

  it('does not test incomplete credentials', async () => {
    const { source, user } = await renderOptions();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByRole('status', { name: 'Connection test result' })).toHaveTextContent(
      'Fill in the marked fields before testing.',
    );
    expect(source.testConnection).not.toHaveBeenCalled();
  });

  it('asks for both endpoint overrides or neither', async () => {
    const { user } = await renderOptions();
    await fillCredentials(user);
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.com (US)' }));
    await user.type(screen.getByLabelText('SP-API base URL'), 'http://127.0.0.1:8787');
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(screen.getByLabelText('LWA token URL')).toHaveAccessibleDescription(/Give both URLs/);
  });

  it('validates and saves the sync settings', async () => {
    const { source, user } = await renderOptions();
    const interval = screen.getByRole('spinbutton', { name: 'Sync interval (minutes)' });
    await user.clear(interval);
    await user.type(interval, '3');
    await user.click(screen.getByRole('button', { name: 'Save sync settings' }));
    expect(interval).toHaveAccessibleDescription(/from 5 to 60/);
    expect(interval).toHaveFocus();
    expect(source.saved).toEqual([]);

    await user.clear(interval);
    await user.type(interval, '15');
    await user.click(screen.getByRole('checkbox', { name: 'Allow fulfillment upload' }));
    await user.click(screen.getByRole('checkbox', { name: 'Import off-Amazon (non-Amazon channel) orders' }));
    await user.click(screen.getByRole('button', { name: 'Save sync settings' }));
    expect(await screen.findByText('Sync settings saved.')).toBeInTheDocument();
    expect(source.saved).toEqual([
      {
        allowOrderDownload: true,
        allowFulfillmentUpload: false,
        syncIntervalMinutes: 15,
        backfillDays: 30,
        importNonAmazonOrders: false,
      },
    ]);
  });

  it('saves "Allow zeroing out inventory when cancelling", off by default', async () => {
    const { source, user } = await renderOptions();
    const box = screen.getByRole('checkbox', { name: 'Allow zeroing out inventory when cancelling' });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/merchant-fulfilled.*needs the Product Listing role/);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save action settings' }));
    expect(await screen.findByText('Action settings saved.')).toBeInTheDocument();
    expect(source.saved).toEqual([{ allowZeroStockOnCancel: true }]);
    expect(source.settings.allowZeroStockOnCancel).toBe(true);
  });

  it('requires the merchant token and refuses endpoints the credentials may not go to', async () => {
    const { source, user } = await renderOptions();
    await user.type(screen.getByLabelText('LWA client id'), 'amzn1.application-oa2-client.abc');
    await user.type(screen.getByLabelText('LWA client secret'), 'amzn1.oa2-cs.v1.secret');
    await user.type(screen.getByLabelText(/^Refresh token/), 'Atzr|IwEBI-token');
    await user.click(screen.getByRole('checkbox', { name: 'Amazon.com (US)' }));
    await user.type(screen.getByLabelText('SP-API base URL'), 'http://127.0.0.1:8787');
    await user.type(screen.getByLabelText('LWA token URL'), 'https://collector.example/token');
    await user.click(screen.getByRole('button', { name: 'Save credentials' }));
    expect(screen.getByLabelText(MERCHANT_TOKEN)).toHaveAccessibleDescription(
      /Merchant token is required: it tells your accounts apart/,
    );
    // The store build: https only, and only Amazon's own SP-API and LWA hosts.
    expect(screen.getByLabelText('SP-API base URL')).toHaveAccessibleDescription(/Only https:\/\/ addresses/);
    expect(screen.getByLabelText('LWA token URL')).toHaveAccessibleDescription(
      /only sent to Amazon’s own hosts .*collector\.example is not one of them/,
    );
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(source.testConnection).not.toHaveBeenCalled();
    expect(source.saved).toEqual([]);
  });

  it('lists the accounts with data here and removes another one’s after a confirm step', async () => {
    const current: AccountDataSummary = {
      account: account('na-A2SELLERB', 'A2SELLERB'),
      current: true,
      pendingCancels: 0,
    };
    let listed: AccountDataSummary[] = [
      current,
      { account: account('na-A1SELLERA', 'A1SELLERA'), current: false, pendingCancels: 2 },
    ];
    const accounts: AccountDataSource = {
      list: vi.fn(async () => listed),
      remove: vi.fn(async (key: string) => {
        listed = listed.filter((x) => x.account.key !== key);
      }),
    };
    const source = new MemorySettingsSource(DEFAULT_SETTINGS);
    render(<OptionsPage source={source} accounts={accounts} />);
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'Accounts with data' });
    const [b, a] = within(list).getAllByRole('listitem');
    expect(b).toHaveTextContent(/A2SELLERB \(NA\) — in use now/);
    expect(within(b!).queryByRole('button', { name: 'Remove this account’s data' })).toBeNull();
    expect(a).toHaveTextContent('2 cancels are still waiting to be sent to Amazon for this account.');
    expect(a).toHaveTextContent('Marketplaces: US, CA');

    await user.click(within(a!).getByRole('button', { name: 'Remove this account’s data' }));
    const confirm = within(a!).getByRole('group', { name: 'Confirm removing A1SELLERA (NA)' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(accounts.remove).not.toHaveBeenCalled();

    await user.click(within(a!).getByRole('button', { name: 'Remove this account’s data' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove the data' }));
    expect(await screen.findByText('Removed the data of account A1SELLERA.')).toBeInTheDocument();
    expect(accounts.remove).toHaveBeenCalledWith('na-A1SELLERA', DEFAULT_SETTINGS);
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });
});

function account(key: string, sellerId: string): AccountDataSummary['account'] {
  return {
    key,
    region: 'na',
    sellerId,
    marketplaceIds: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2'],
    dbName: `order-manager-${key}`,
    firstSeenAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: '2026-01-02T00:00:00.000Z',
  };
}
