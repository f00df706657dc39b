/**
 * Registration of every IPC handler of the contract, behind two gates:
 *
 *  1. the sender: the call must come from the top frame of Haven's main window, showing a page of
 *     app://haven/ (a foreign page, a subframe or another webContents is refused);
 *  2. the arguments: exactly one, valid against the channel's zod request schema; otherwise the
 *     call is rejected with an Error that names the channel and the problem.
 *
 * Handler results go through the channel's response schema, so nothing outside the contract
 * reaches the renderer. Every handler is a plain function; `createIpcHandlers` injects its
 * Electron parts.
 */
import { setTileTemplate, type TileDeps } from './tiles';
import type { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcResponse,
  type IpcValidRequest,
} from '../../shared/ipc-contract';
import { isAppUrl } from '../security';
import { getAppInfo, type AppInfoSource } from './app-info';
import { openFile, saveFile, type FileDeps } from './files';
import { printToPdf, type PrintDeps } from './print';

/** The parts of an IpcMainInvokeEvent that the sender check reads. */
export interface InvokeEvent {
  readonly sender: object;
  readonly senderFrame: { readonly url: string; readonly parent: object | null } | null;
}

export type IpcHandler<C extends IpcChannel> = (
  request: IpcValidRequest<C>,
) => Promise<IpcResponse<C>> | IpcResponse<C>;

export type IpcHandlers = { readonly [C in IpcChannel]: IpcHandler<C> };

/** The part of ipcMain that registration uses. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/**
 * True only for a call from the top frame of `trusted` (the main window's webContents) showing
 * app://haven/. A destroyed frame (senderFrame null) is refused.
 */
export function isTrustedSender(event: InvokeEvent, trusted: object | null): boolean {
  const frame = event.senderFrame;
  if (trusted === null || event.sender !== trusted || frame === null) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

/** One line per problem, e.g. "suggestedName: must be a file name, not a path". Values are never echoed. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`)
    .join('; ');
}

/** Wraps a handler with the sender check, argument validation and response filtering of its channel. */
export function guardHandler<C extends IpcChannel>(
  channel: C,
  handler: IpcHandler<C>,
  getTrustedSender: () => object | null,
): (event: InvokeEvent, ...args: unknown[]) => Promise<IpcResponse<C>> {
  const { request: requestSchema, response: responseSchema } = ipcContract[channel];
  return async (event, ...args) => {
    if (!isTrustedSender(event, getTrustedSender())) {
      throw new Error(`${channel}: refused, the call does not come from Haven's own window`);
    }
    if (args.length > 1) {
      throw new Error(
        `${channel}: invalid arguments: expected one request argument, got ${args.length}`,
      );
    }
    const parsed = requestSchema.safeParse(args[0]);
    if (!parsed.success) {
      throw new Error(`${channel}: invalid arguments: ${describeIssues(parsed.error)}`);
    }
    // The schema of `channel` produced `parsed.data`; TypeScript cannot narrow the union of schemas by C.
    const result = await handler(parsed.data as IpcValidRequest<C>);
    return responseSchema.parse(result) as IpcResponse<C>;
  };
}

/** Registers the guarded handler of every channel of the contract. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  getTrustedSender: () => object | null,
): void {
  const register = <C extends IpcChannel>(channel: C): void => {
    ipcMain.handle(channel, guardHandler(channel, handlers[channel], getTrustedSender));
  };
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) register(channel);
}

export interface IpcDeps {
  readonly files: FileDeps;
  readonly print: PrintDeps;
  readonly appInfo: AppInfoSource;
  readonly tiles: TileDeps;
}

/** The handler of every channel, with its Electron parts injected. */
export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  return {
    'files:save': (request) => saveFile(deps.files, request),
    'files:open': (request) => openFile(deps.files, request),
    'print:toPdf': (request) => printToPdf(deps.print, request),
    'app:info': () => getAppInfo(deps.appInfo),
    'tiles:set': (request) => setTileTemplate(deps.tiles, request),
  };
}
