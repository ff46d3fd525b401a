import { createOutboxJob } from '../../../../lib/background/jobs/outbox-job';
import type { SpApiConnection } from '../../../../lib/background/sp-api-connection';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/settings-schema';

const account = (sellerId: string): Settings => ({
  ...DEFAULT_SETTINGS,
  credentials: {
    clientId: 'id',
    clientSecret: 'secret',
    refreshToken: 'Atzr|r',
    region: 'na',
    marketplaceIds: ['ATVPDKIKX0DER'],
    sellerId,
  },
});

describe('outbox job', () => {
  it("reports a failed run's error against the account it ran for, even after a switch", async () => {
    const current = { settings: account('A1ACCOUNTA') };
    const reported: (string | undefined)[] = [];
    const job = createOutboxJob({
      loadSettings: async () => current.settings,
      connection: () => ({}) as SpApiConnection,
      run: async () => {
        // The seller switches to account B while A's run is failing.
        current.settings = account('A2ACCOUNTB');
        throw new Error('A refused');
      },
      schedule: async () => undefined,
      announce: () => undefined,
      reportError: (_error, settings) => void reported.push(settings?.credentials?.sellerId),
    });
    job.start();
    await job.idle();
    expect(reported).toEqual(['A1ACCOUNTA']);
  });
});
