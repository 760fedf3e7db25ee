// The incident both end-to-end suites start from: a German controller aware 71.5 hours ago, so the GDPR Art. 33
// 72-hour clock to the supervisory authority ends in 30 minutes and a reminder is due the moment the bot starts.
import { IncidentSchema, type ChannelLink } from '../../bot/model/incident-schema.ts';
import { openFileStore } from '../../data/file-store.ts';

/** Create the store at `dataPath` holding that one incident (BR-1), linked to `channels(discoveredAt)`. */
export async function seedGdprStore(dataPath: string, channels: (discoveredAt: string) => ChannelLink[]): Promise<void> {
  const now = Date.now();
  const store = await openFileStore(dataPath, new Date(now));
  const discoveredAt = new Date(now - 71.5 * 3_600_000).toISOString();
  await store.create((id) =>
    IncidentSchema.parse({
      id, title: 'Ransomware at a clinic lab', createdAt: discoveredAt, updatedAt: discoveredAt, discoveredAt,
      organization: { name: 'Klinikum Beispiel', role: 'controller', country: 'DE', timezone: 'Europe/Berlin' },
      affected: { total: 1200, byJurisdiction: { DE: 1200 } }, gdprRisk: 'risk',
      channels: channels(discoveredAt),
    }),
  );
  await store.close();
}
