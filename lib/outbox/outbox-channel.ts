/** The background posts on this BroadcastChannel whenever action states change; views re-read then. */
export const OUTBOX_CHANGED_CHANNEL = 'order-manager-outbox';
