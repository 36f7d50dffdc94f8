// What the workshop does beyond editing: host a pack in one click, and download its export.
import { api } from '../lib/api.js';
import { workshop } from '../lib/workshop-api.js';
import { navigate } from '../router.js';
import { hostKey, tokens } from '../session/tokens.js';

/** A classroom room from the pack's saved version (the room keeps that version), opened on the projector view. */
export async function hostPack(packId: string): Promise<void> {
  const created = await api.createRoom({ packId, hostKey: hostKey() });
  tokens.setHostToken(created.roomCode, created.hostToken);
  tokens.addPastGame({ roomCode: created.roomCode, packTitle: created.packTitle, createdAt: Date.now() });
  navigate(`/host/${created.roomCode}`);
}

/** Saves the owner's export (JSON, or Kahoot!'s .xlsx template) as a file in the browser's downloads. */
export async function downloadExport(packId: string, title: string, format: 'json' | 'xlsx'): Promise<void> {
  const blob = await workshop.export(packId, format);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 80) || packId}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
