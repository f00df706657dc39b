/**
 * The `settings:setTileHost` handler: stores the one https origin the renderer may load map tiles
 * from (or clears it). The network guard reads it on every request; the CSP of app:// responses
 * includes it from the next page load on.
 */
import type { IpcValidRequest } from '../../shared/ipc-contract';

export interface TileOriginStore {
  setTileOrigin(origin: string | null): void;
}

export function setTileHost(
  store: TileOriginStore,
  request: IpcValidRequest<'settings:setTileHost'>,
): void {
  store.setTileOrigin(request.origin);
}
