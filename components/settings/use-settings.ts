import { useEffect, useState } from 'react';
import type { Settings } from '../../lib/settings/settings-schema';
import type { SettingsSource } from './settings-source';

/** The saved settings, kept current; undefined until the first read answers. */
export function useSettings(source: SettingsSource): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    const unsubscribe = source.subscribe?.((next) => {
      if (live) setSettings(next);
    });
    source.load().then(
      (loaded) => {
        if (live) setSettings((current) => current ?? loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [source]);
  return settings;
}
