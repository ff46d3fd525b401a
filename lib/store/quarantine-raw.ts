/** Quarantined records keep what Amazon sent, but one huge record must not fill the seller's disk. */
export const QUARANTINE_RAW_LIMIT = 16_384;

export function quarantineRaw(raw: unknown, limit: number = QUARANTINE_RAW_LIMIT): string {
  let text: string;
  if (typeof raw === 'string') text = raw;
  else {
    try {
      text = JSON.stringify(raw) ?? String(raw);
    } catch {
      text = String(raw);
    }
  }
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… [${text.length - limit} more characters cut]`;
}
