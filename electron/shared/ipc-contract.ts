/**
 * The one IPC contract between Haven's renderer and its Electron main process.
 *
 * Every channel is listed once, with a zod schema for its request and one for its response. The
 * main process validates every request with these schemas before a handler sees it and passes
 * every result through the response schema (so nothing outside the contract leaves main); the
 * preload is typed from the same map; the renderer's `window.api` type is derived from the preload
 * implementation (`HavenApi`, re-exported below), never written twice.
 *
 * Each `invoke` carries exactly one argument (the request, or nothing for `app:info`).
 * Main -> renderer events are listed in `ipcEvents`, with their payload schemas.
 */
import { z } from 'zod';

/** Largest file Haven writes or reads through the file dialogs (256 MiB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Bytes crossing IPC (structured clone keeps a Uint8Array a Uint8Array; a Node Buffer is one too). */
export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'must be a Uint8Array',
});

/** A file name, never a path: the directory is always chosen by the user in the dialog. */
export const fileNameSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .refine(
    (name) => !/[/\\\p{Cc}]/u.test(name),
    'must be a file name, not a path (no / or \\ or control characters)',
  )
  .refine((name) => name !== '.' && name !== '..', 'must not be "." or ".."');

/** A dialog filter such as { name: 'Haven backup', extensions: ['age'] }. */
export const fileFilterSchema = z
  .object({
    name: z.string().min(1).max(100),
    extensions: z
      .array(
        z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'must be an extension without its dot, or *'),
      )
      .min(1)
      .max(20),
  })
  .strict();

/**
 * A DNS host name, checked strictly: 2 to 127 dot-separated labels of lowercase letters, digits
 * and inner hyphens (1 to 63 characters each, punycode `xn--` allowed), at most 253 characters,
 * ending in a top-level domain of letters (or punycode). No IP address, no `localhost` or other
 * single-label name, no trailing dot, no underscore, no upper case, no whitespace.
 */
export function isStrictHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  if (!labels.every((part) => label.test(part))) return false;
  const tld = labels[labels.length - 1] ?? '';
  return /^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]{1,59}$/.test(tld);
}

/**
 * An https origin such as `https://tiles.example.org` (scheme and a strict host name, optional
 * port 1 to 65535; no path, no trailing slash, no credentials, no IP address). The tile server is
 * the only host Haven may ever reach, and no channel lets the renderer set it (the map issue
 * brings one back behind a confirmation shown by the main process).
 */
export const httpsOriginSchema = z.string().refine((value) => {
  const match = /^https:\/\/([^/:?#@\s]+)(?::([1-9][0-9]{0,4}))?$/.exec(value);
  if (!match || !isStrictHostName(match[1] ?? '')) return false;
  if (match[2] !== undefined && Number(match[2]) > 65535) return false;
  return URL.canParse(value) && new URL(value).origin === value;
}, 'must be an https origin such as https://tiles.example.org (a host name, no path, no trailing slash)');

export const saveFileRequestSchema = z
  .object({
    suggestedName: fileNameSchema,
    bytes: bytesSchema.refine(
      (bytes) => bytes.byteLength <= MAX_FILE_BYTES,
      `must be at most ${MAX_FILE_BYTES} bytes`,
    ),
    /** For the browser implementation of the seam (download type); main filters by `filters` or the name's extension. */
    mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a MIME type such as text/csv'),
    filters: z.array(fileFilterSchema).max(10).optional(),
  })
  .strict();

export const saveFileResponseSchema = z.object({ saved: z.boolean(), path: z.string().optional() });

export const openFileRequestSchema = z
  .object({
    filters: z.array(fileFilterSchema).min(1).max(10),
    maxBytes: z.number().int().positive().max(MAX_FILE_BYTES),
  })
  .strict();

/** Bytes received from main: always backed by a plain (non-shared) ArrayBuffer after structured clone. */
const receivedBytesSchema = z.custom<Uint8Array<ArrayBuffer>>(
  (value) => value instanceof Uint8Array,
  {
    message: 'must be a Uint8Array',
  },
);

export const openFileResponseSchema = z.discriminatedUnion('opened', [
  /** `too-large`: the chosen file is above `maxBytes` and was not read. */
  z.object({ opened: z.literal(false), reason: z.enum(['cancelled', 'too-large']) }),
  z.object({ opened: z.literal(true), name: z.string(), bytes: receivedBytesSchema }),
]);

export const printToPdfRequestSchema = z
  .object({
    suggestedName: fileNameSchema,
    pageSize: z.enum(['A4', 'Letter']),
    landscape: z.boolean().optional(),
  })
  .strict();

export const printToPdfResponseSchema = saveFileResponseSchema;

export const appInfoRequestSchema = z.undefined();

export const appInfoResponseSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
  chrome: z.string(),
});

/**
 * A tile URL template such as `https://tiles.example.org/{z}/{x}/{y}.png`: https, a strict host
 * name (its origin must pass `httpsOriginSchema`), and the `{z}`, `{x}` and `{y}` placeholders.
 */
export const tileTemplateSchema = z
  .string()
  .max(500)
  .refine((value) => {
    if (!/^https:\/\/[^/]+\/.*\{z\}.*$/.test(value)) return false;
    if (!value.includes('{x}') || !value.includes('{y}')) return false;
    const origin = /^https:\/\/[^/]+/.exec(value)?.[0] ?? '';
    return httpsOriginSchema.safeParse(origin).success;
  }, 'must be an https tile URL such as https://tiles.example.org/{z}/{x}/{y}.png');

/** The origin of a valid tile template (`https://host[:port]`). */
export function tileTemplateOrigin(template: string): string {
  return /^https:\/\/[^/]+/.exec(template)?.[0] ?? '';
}

/** Turn online tiles on (a template) or off (null). Turning on needs the main process's confirmation. */
export const setTileTemplateRequestSchema = z
  .object({ template: tileTemplateSchema.nullable() })
  .strict();

export const setTileTemplateResponseSchema = z.object({
  /** The origin now let through, or null (nothing let through). */
  tileOrigin: httpsOriginSchema.nullable(),
  /** False when the coordinator declined (or the request was to turn tiles off). */
  confirmed: z.boolean(),
});

/** Channel name -> request and response schemas. The single source of truth for renderer -> main calls. */
export const ipcContract = {
  'files:save': { request: saveFileRequestSchema, response: saveFileResponseSchema },
  'files:open': { request: openFileRequestSchema, response: openFileResponseSchema },
  'print:toPdf': { request: printToPdfRequestSchema, response: printToPdfResponseSchema },
  'app:info': { request: appInfoRequestSchema, response: appInfoResponseSchema },
  'tiles:set': { request: setTileTemplateRequestSchema, response: setTileTemplateResponseSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type IpcChannel = keyof typeof ipcContract;
/** What the renderer sends on a channel. */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
/** What a main handler receives once the request has been validated. */
export type IpcValidRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;
/** What the renderer receives back. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

export const powerLockEventSchema = z.object({ reason: z.enum(['suspend', 'lock-screen']) });

/** Main -> renderer events and their payloads. */
export const ipcEvents = {
  /** The system is suspending or the screen is locking: the renderer must lock the vault now. */
  'power:lock': powerLockEventSchema,
} as const satisfies Record<string, z.ZodType>;

export type IpcEventChannel = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEventChannel> = z.output<(typeof ipcEvents)[E]>;

export type FileFilter = z.output<typeof fileFilterSchema>;
export type SaveFileRequest = IpcRequest<'files:save'>;
export type SaveFileResponse = IpcResponse<'files:save'>;
export type OpenFileRequest = IpcRequest<'files:open'>;
export type OpenFileResponse = IpcResponse<'files:open'>;
export type PrintToPdfRequest = IpcRequest<'print:toPdf'>;
export type PrintToPdfResponse = IpcResponse<'print:toPdf'>;
export type AppInfo = IpcResponse<'app:info'>;
export type SetTileTemplateResponse = IpcResponse<'tiles:set'>;
export type PowerLockEvent = IpcEventPayload<'power:lock'>;

/** The renderer's `window.api`, derived from the preload implementation (type only, erased at run time). */
export type { HavenApi } from '../preload/index';
