import { z } from '../zod';
import { EMPTY_REMINDER_LEDGER, REMINDER_KINDS, type ReminderLedger } from '../domain/request-reminders';
import { declareItem } from './declared-item';
import { STORAGE_KEYS } from './storage-keys';

const ledgerEntrySchema = z.object({
  lastOpenAt: z.number().finite(),
  sent: z.array(z.enum(REMINDER_KINDS)),
});

const ledgerSchema = z.object({ orders: z.record(z.string().min(1), ledgerEntrySchema) });

/**
 * A damaged ledger keeps every entry that still parses and drops the others. Chosen over "treat as
 * already notified": a dropped entry costs at most one repeated notification, while guessing
 * "notified" could hide a request the seller never saw, which is what this feature exists to stop.
 */
function salvageEntries(stored: unknown): ReminderLedger {
  const orders: Record<string, z.infer<typeof ledgerEntrySchema>> = {};
  const raw = stored && typeof stored === 'object' && 'orders' in stored ? stored.orders : undefined;
  if (raw && typeof raw === 'object') {
    for (const [orderId, entry] of Object.entries(raw)) {
      const parsed = ledgerEntrySchema.safeParse(entry);
      if (orderId && parsed.success) orders[orderId] = parsed.data;
    }
  }
  return { orders };
}

/** Which buyer-request notifications were shown, per order; written before each batch is shown. */
export const requestReminderLedgerItem = declareItem<ReminderLedger>({
  key: STORAGE_KEYS.requestReminderLedger.key,
  schema: ledgerSchema,
  fallback: EMPTY_REMINDER_LEDGER,
  version: 1,
  migrations: {},
  salvage: salvageEntries,
});
