import type { EndpointOverride, SavedCredentials, Settings } from '../../lib/settings/settings-schema';

export type TestConnectionResult =
  { ok: true; message: string } | { ok: false; message: string; code?: string };

/** Reads and writes the settings; the browser one also tells the background they changed. */
export interface SettingsSource {
  load(): Promise<Settings>;
  save(patch: Partial<Settings>): Promise<Settings>;
  subscribe?(listener: (settings: Settings) => void): () => void;
  testConnection(
    credentials: SavedCredentials,
    endpointOverride: EndpointOverride | null,
  ): Promise<TestConnectionResult>;
}
