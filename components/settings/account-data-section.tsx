import { useCallback, useEffect, useState } from 'react';
import { marketplaceById } from '../../lib/domain/marketplaces';
import { errorMessage } from '../../lib/error-message';
import type { Settings } from '../../lib/settings/settings-schema';
import { formatDateTime } from '../../lib/format-time';
import type { AccountDataSource, AccountDataSummary } from './account-data-source';

export interface AccountDataSectionProps {
  readonly source: AccountDataSource;
  readonly settings: Settings;
}

type Outcome = { kind: 'ok' | 'error'; text: string } | undefined;

function marketplaceNames(ids: readonly string[]): string {
  return ids.map((id) => marketplaceById(id)?.code ?? id).join(', ');
}

/** Each account with orders on this browser; another account's data can be removed, with a confirm step. */
export function AccountDataSection({ source, settings }: AccountDataSectionProps) {
  const [accounts, setAccounts] = useState<AccountDataSummary[]>();
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const reload = useCallback(async () => {
    try {
      setAccounts(await source.list(settings));
    } catch (error) {
      setOutcome({
        kind: 'error',
        text: `Could not list the accounts: ${errorMessage(error)}`,
      });
    }
  }, [source, settings]);

  useEffect(() => {
    void reload();
  }, [reload]);

  async function remove(summary: AccountDataSummary) {
    setBusy(true);
    setOutcome(undefined);
    try {
      await source.remove(summary.account.key, settings);
      setConfirming(undefined);
      setOutcome({ kind: 'ok', text: `Removed the data of account ${summary.account.sellerId}.` });
      await reload();
    } catch (error) {
      setOutcome({
        kind: 'error',
        text: `Could not remove the data: ${errorMessage(error)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="options-section" aria-labelledby="account-data-heading">
      <h2 id="account-data-heading">Accounts with data on this browser</h2>
      <p className="options-section__intro">
        Each seller account (region and merchant token) keeps its orders and pending actions apart. Remove an
        account’s data when you no longer use that account here.
      </p>
      {accounts === undefined && !outcome && <p>Reading the accounts…</p>}
      {accounts?.length === 0 && <p>No seller account has data here yet.</p>}
      {accounts && accounts.length > 0 && (
        <ul className="options-accounts" aria-label="Accounts with data">
          {accounts.map((summary) => {
            const { account } = summary;
            const name = `${account.sellerId} (${account.region.toUpperCase()})`;
            return (
              <li key={account.key} data-testid="account-data" data-account={account.key}>
                <strong>{name}</strong>
                {summary.current && ' — in use now'}
                <br />
                <small>
                  Marketplaces: {marketplaceNames(account.marketplaceIds)}. Last used{' '}
                  {formatDateTime(account.lastUsedAt)}.
                </small>
                {summary.pendingCancels > 0 && (
                  <p className="options-accounts__pending" data-testid="account-pending">
                    {summary.pendingCancels === 1
                      ? '1 cancel is still waiting to be sent to Amazon for this account.'
                      : `${summary.pendingCancels} cancels are still waiting to be sent to Amazon for this account.`}{' '}
                    They are only sent while this account is connected; removing its data drops them.
                  </p>
                )}
                {!summary.current && confirming !== account.key && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => {
                      setOutcome(undefined);
                      setConfirming(account.key);
                    }}
                  >
                    Remove this account’s data
                  </button>
                )}
                {!summary.current && confirming === account.key && (
                  <div role="group" aria-label={`Confirm removing ${name}`}>
                    <p>
                      Delete every order, cancel and sync record of {name} from this browser? Amazon keeps its
                      own copy; syncing the account again brings the orders back, not the pending cancels.
                    </p>
                    <button type="button" disabled={busy} onClick={() => void remove(summary)}>
                      Yes, remove the data
                    </button>
                    <button type="button" disabled={busy} onClick={() => setConfirming(undefined)}>
                      Keep it
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p
        className={`options-outcome options-outcome--${outcome?.kind ?? 'none'}`}
        role="status"
        aria-live="polite"
        aria-label="Account data result"
      >
        {outcome?.text}
      </p>
    </section>
  );
}
