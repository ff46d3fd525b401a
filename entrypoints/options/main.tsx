import { createRoot } from 'react-dom/client';
import { browserAccountDataSource } from '../../components/settings/account-data-source';
import { browserSettingsSource } from '../../components/settings/browser-settings-source';
import { OptionsPage } from '../../components/settings/options-page';

createRoot(document.getElementById('root')!).render(
  <OptionsPage source={browserSettingsSource()} accounts={browserAccountDataSource()} />,
);
