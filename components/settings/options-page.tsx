import { useEffect, useState } from 'react';
import { isDemoMode, type Settings } from '../../lib/settings/settings-schema';
import { errorMessage } from '../../lib/error-message';
import type { AccountDataSource } from './account-data-source';
import { AccountDataSection } from './account-data-section';
import { ActionSettingsSection } from './action-settings-section';
import { BuyerRequestSettingsSection } from './buyer-request-settings-section';
import { CredentialsSection } from './credentials-section';
import { SellerCentralHealthSection } from './seller-central-health-section';
import type { SettingsSource } from './settings-source';
import { SyncSettingsSection } from './sync-settings-section';
import './options-page.css';

export interface OptionsPageProps {
  readonly source: SettingsSource;
  /** The accounts with data on this browser; the section is left out without it. */
  readonly accounts?: AccountDataSource;
}

/** The extension's settings: credentials (with the set-up guide beside them), sync behaviour, actions. */
export function OptionsPage({ source, accounts }: OptionsPageProps) {
  const [settings, setSettings] = useState<Settings>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    let live = true;
    source.load().then(
      (loaded) => {
        if (live) setSettings(loaded);
      },
      (error: unknown) => {
        if (live) setLoadError(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [source]);

  return (
    <main className="options-page">
      <h1>Order Manager settings</h1>
      <SellerCentralHealthSection />
      {loadError && <p role="alert">Could not read the settings: {loadError}</p>}
      {!settings && !loadError && <p>Loading settings…</p>}
      {settings && (
        <>
          <p className="options-page__mode" data-testid="options-mode">
            {isDemoMode(settings)
              ? 'Demo mode: the orders shown are made up, for trying things out. Connect your Amazon account below to see your own.'
              : 'Connected mode: orders come from your Amazon account.'}
          </p>
          <CredentialsSection source={source} settings={settings} onSaved={setSettings} />
          <SyncSettingsSection source={source} settings={settings} onSaved={setSettings} />
          <ActionSettingsSection source={source} settings={settings} onSaved={setSettings} />
          <BuyerRequestSettingsSection source={source} settings={settings} onSaved={setSettings} />
          {accounts && <AccountDataSection source={accounts} settings={settings} />}
        </>
      )}
    </main>
  );
}
