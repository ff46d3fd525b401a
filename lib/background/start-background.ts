import { browser } from 'wxt/browser';
import { onSettingsChanged } from '../settings/settings-store';
import { loadSyncStatus, updateSyncStatus } from '../sync/sync-status-store';
import { dispatchAlarm, type AlarmTable } from './alarm-table';
import { extensionBackgroundDeps } from './extension-background-deps';
import type { BackgroundJobDeps } from './jobs/background-job';
import {
  BUYER_REQUEST_ALARM,
  createBuyerRequestBackgroundJob,
  openNotifiedOrder,
  openRequestsInDb,
} from './jobs/buyer-request-job';
import { createOutboxBackgroundJob, OUTBOX_ALARM } from './jobs/outbox-job';
import { createSyncBackgroundJob, SYNC_ALARM } from './jobs/sync-job';
import { createMessageHandlers } from './message-handlers';
import { createMessageRouter } from './message-router';

/**
 * Wires the background: each job, its alarm, the messages and the settings watch. Logic lives in the
 * jobs. Returns the jobs and the worker-start healing, so tests can wait for what they started.
 */
export function startBackground(deps: BackgroundJobDeps = extensionBackgroundDeps()) {
  const outbox = createOutboxBackgroundJob(deps);
  const status = { load: loadSyncStatus, update: updateSyncStatus };
  const requests = createBuyerRequestBackgroundJob({
    clock: deps.clock,
    loadSettings: deps.loadSettings,
    openRequests: async (settings) =>
      openRequestsInDb(await deps.dbFor(settings), settings.buyerRequestWindowHours),
    log: (message) => console.warn(message),
  });
  // What a sync stored may settle actions and raise or close buyer requests.
  const afterSync = () => {
    void outbox.start();
    requests.onAlarm();
  };
  const sync = createSyncBackgroundJob({ ...deps, status, settleActions: afterSync });
  const alarms: AlarmTable = {
    [SYNC_ALARM]: sync.onAlarm,
    [OUTBOX_ALARM]: outbox.onAlarm,
    [BUYER_REQUEST_ALARM]: requests.onAlarm,
  };
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const route = createMessageRouter(createMessageHandlers({ ...deps, sync, outbox, requests }), self);

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => dispatchAlarm(alarms, alarm.name));
  browser.notifications.onClicked.addListener((id) => void openNotifiedOrder(id));
  browser.runtime.onInstalled.addListener(() => void sync.start('install'));
  browser.runtime.onStartup.addListener(() => void sync.start('startup'));
  // A saved setting reaches the background through storage, which no closing view can lose.
  onSettingsChanged((settings) => void sync.settingsChanged(settings));
  // Every worker start: each job re-arms its alarm and finishes what a killed worker left.
  const healed = deps.loadSettings().then(async (settings) => {
    await Promise.all([sync.heal(settings), outbox.heal(settings), requests.heal(settings)]);
  });
  return { sync, outbox, requests, healed };
}
