// About 360 lines on purpose: the four transports share the envelope, the sender check, safe posting
// and the timeouts, so "every request is answered" can be checked in one file.
import type { Browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import { type Envelope, EnvelopeSchema, type PortMessage, PortMessageSchema, PortRequestSchema } from './protocol/shared';

/**
 * The one messaging helper. Every channel between DigestLens's contexts goes through it, so every
 * channel does the same things the same way:
 * - the serving side checks the sender, parses each request with the protocol's zod schema, runs
 *   its handler (in order, through a `SerialQueue`, where order matters) and ALWAYS answers with an
 *   envelope: `{ ok: true, value }`, or `{ ok: false, error }` with a reason, including for a request
 *   that fails validation or comes from a sender that may not ask. Silence is never an answer.
 * - posting on a port that has gone (its page closed, the worker stopped) never throws;
 * - the asking side gives up after a timeout, so a lost answer is reported, not waited on forever.
 * Transports: one-off messages (`serveMessages` / `messageClient`) and ports (`servePort` / `connectPort`).
 * The requests themselves live in lib/messaging/protocol/, one file per direction.
 */

type Sender = Browser.runtime.MessageSender;
type Port = Browser.runtime.Port;

/** A request union: each member has a `type`. */
type Request = { type: string };
/** The schema of a request union (zod/mini, as content scripts bundle it). */
type RequestSchema<Req> = z.ZodMiniType<Req>;
/** One handler per request type, each returning that type's answer. */
export type Handlers<Req extends Request, Res extends Record<Req['type'], unknown>> = {
  [K in Req['type']]: (request: Extract<Req, { type: K }>) => Promise<Res[K]> | Res[K];
};

/** How long an asker waits before reporting "no answer": past the slowest answer measured (a cold-start lookup). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Why an ask got no value: the server's reason, no answer in time, or the other side went away. */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly kind: 'failed' | 'timeout' | 'disconnected',
    /** The serving side's own words when it answered `failed`, else the message. */
    readonly reason: string = message,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * An expected "no" from a handler (a file that is not a digest, a note over the limit): answered
 * `failed` with its message, without the console error an unexpected failure gets.
 */
export class Refusal extends Error {
  override name = 'Refusal';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The reason a request failed validation, short enough to show: "malformed request: papers: too big". */
function validationError(error: z.core.$ZodError): string {
  const [issue] = error.issues;
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `malformed request: ${where}${issue?.message ?? 'invalid'}`;
}

/** Parses, then runs the handler; every outcome becomes an envelope. */
async function answer<Req extends Request, Res extends Record<Req['type'], unknown>>(
  raw: unknown,
  schema: RequestSchema<Req>,
  handlers: Handlers<Req, Res>,
  queue: SerialQueue | null,
): Promise<Envelope<unknown>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const request = parsed.data;
  const handler = handlers[request.type as Req['type']] as (r: Req) => Promise<unknown> | unknown;
  const run = async () => handler(request);
  try {
    return { ok: true, value: await (queue ? queue.run(run) : run()) };
  } catch (error) {
    if (!(error instanceof Refusal)) console.error('DigestLens: request failed', request.type, error);
    return { ok: false, error: errorMessage(error) };
  }
}

/**
 * Runs tasks one after another, in the order they were given, whatever each one's outcome.
 * `onIdle` runs when the last task given so far is done.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly onIdle: () => void = () => {}) {}

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.done(),
      () => this.done(),
    );
    return result;
  }

  private done() {
    if (--this.pending === 0) this.onIdle();
  }
}

// ─── One-off messages ─────────────────────────────────────────────────────────────────────────

/** `runtime.onMessage` (or a content script's): the listener answers by returning a promise. */
interface MessageEvent {
  addListener(listener: (message: unknown, sender: Sender) => Promise<unknown> | undefined): void;
  removeListener(listener: (message: unknown, sender: Sender) => Promise<unknown> | undefined): void;
}

export interface MessageServer<Req extends Request, Res extends Record<Req['type'], unknown>> {
  schema: RequestSchema<Req>;
  /** Who may ask. Others are answered `sender not allowed`. */
  allow: (sender: Sender) => boolean;
  handlers: Handlers<Req, Res>;
}

/**
 * Answers every one-off message on `events` (so it must be the context's only onMessage server).
 * Returns a function that stops serving.
 */
export function serveMessages<Req extends Request, Res extends Record<Req['type'], unknown>>(
  events: MessageEvent,
  server: MessageServer<Req, Res>,
): () => void {
  const listener = (message: unknown, sender: Sender): Promise<Envelope<unknown>> => {
    if (!server.allow(sender)) return Promise.resolve({ ok: false, error: 'sender not allowed' });
    return answer(message, server.schema, server.handlers, null);
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}

/**
 * The asking side of one-off messages: `send` posts a message (runtime.sendMessage, or tabs.sendMessage
 * to one tab). The returned `ask` resolves with the value, or rejects with a ChannelError.
 */
export function messageClient<Req extends Request, Res extends Record<Req['type'], unknown>>(
  send: (message: Req) => Promise<unknown>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
) {
  return async <R extends Req>(request: R): Promise<Res[R['type']]> => {
    const reply = await withTimeout(send(request), timeoutMs, request.type).catch((error: unknown) => {
      if (error instanceof ChannelError) throw error;
      // No receiver (no content script in the tab) or the extension context is gone.
      throw new ChannelError(`${request.type}: ${errorMessage(error)}`, 'disconnected');
    });
    return unwrap(request.type, reply) as Res[R['type']];
  };
}

function unwrap(type: string, reply: unknown): unknown {
  const envelope = EnvelopeSchema.safeParse(reply);
  if (!envelope.success) throw new ChannelError(`${type}: no answer`, 'disconnected');
  if (!envelope.data.ok) throw new ChannelError(`${type} failed: ${envelope.data.error}`, 'failed', envelope.data.error);
  return envelope.data.value;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  if (!Number.isFinite(ms)) return promise;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ChannelError(`${what}: no answer in ${ms / 1000} s`, 'timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

// ─── Ports ────────────────────────────────────────────────────────────────────────────────────

/** Posts on a port that may have gone: a post after the other side closed is dropped, never thrown. */
function safePost(port: Port, message: PortMessage | { id: number; request: unknown }): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}

/** One connection, as its handlers see it. */
export interface ServedPort<Event> {
  readonly sender: Sender | undefined;
  /** Aborted when the other side disconnects. */
  readonly signal: AbortSignal;
  /** Pushes an event (dropped once the other side is gone). */
  post(event: Event): void;
}

export interface PortServer<Req extends Request, Res extends Record<Req['type'], unknown>, Event> {
  name: string;
  schema: RequestSchema<Req>;
  /** Who may connect. A port from anyone else gets `sender not allowed` for each request, and no events. */
  allow: (sender: Sender | undefined) => boolean;
  /** The queue each port's requests run through: one shared by all ports, a new one per port, or none (null). */
  queue?: () => SerialQueue | null;
  /** Called once per allowed connection: its handlers, which may keep state for that connection. */
  open: (port: ServedPort<Event>) => Handlers<Req, Res>;
}

/** `runtime.onConnect`. */
interface ConnectEvent {
  addListener(listener: (port: Port) => void): void;
}

/** Serves every port named `server.name`: each request is answered in the envelope, with its id. */
export function servePort<Req extends Request, Res extends Record<Req['type'], unknown>, Event>(
  onConnect: ConnectEvent,
  server: PortServer<Req, Res, Event>,
): void {
  onConnect.addListener((port) => {
    if (port.name !== server.name) return;
    const closed = new AbortController();
    port.onDisconnect.addListener(() => closed.abort());
    const reply = (id: number | null, envelope: Envelope<unknown>) => {
      if (!closed.signal.aborted) safePost(port, { id, answer: envelope });
    };
    const allowed = server.allow(port.sender);
    const handlers = allowed
      ? server.open({
          sender: port.sender,
          signal: closed.signal,
          post: (event) => {
            if (!closed.signal.aborted) safePost(port, { event });
          },
        })
      : null;
    const queue = server.queue?.() ?? null;
    port.onMessage.addListener((message: unknown) => {
      const framed = PortRequestSchema.safeParse(message);
      if (!framed.success) return reply(null, { ok: false, error: 'malformed request: no id' });
      const { id, request } = framed.data;
      if (!handlers) return reply(id, { ok: false, error: 'sender not allowed' });
      void answer(request, server.schema, handlers, queue).then((envelope) => reply(id, envelope));
    });
  });
}

export interface PortClient<Req extends Request, Res extends Record<Req['type'], unknown>> {
  /** Sends a request; resolves with its value, or rejects with a ChannelError (failed, timeout, disconnected). */
  ask<R extends Req>(request: R, timeoutMs?: number): Promise<Res[R['type']]>;
  /** True until either side disconnects. */
  readonly connected: boolean;
  disconnect(): void;
}

/** `runtime.connect`. */
export interface PortRuntime {
  connect(connectInfo: { name: string }): Port;
}

/**
 * The asking side of a port. Events the server pushes go to `onEvent` once they pass `eventSchema`.
 * When the port closes, every unanswered ask is rejected as `disconnected` and `onDisconnect` runs.
 * Throws only if the port cannot be opened at all (the extension was reloaded or removed).
 */
export function connectPort<Req extends Request, Res extends Record<Req['type'], unknown>, Event>(
  runtime: PortRuntime,
  options: {
    name: string;
    eventSchema?: z.ZodMiniType<Event>;
    onEvent?: (event: Event) => void;
    onDisconnect?: () => void;
    timeoutMs?: number;
  },
): PortClient<Req, Res> {
  const port = runtime.connect({ name: options.name });
  let connected = true;
  let nextId = 1;
  const pending = new Map<number, { type: string; resolve: (value: unknown) => void; reject: (error: ChannelError) => void }>();

  const close = () => {
    if (!connected) return;
    connected = false;
    for (const asked of pending.values())
      asked.reject(new ChannelError(`${asked.type}: the connection closed before an answer`, 'disconnected'));
    pending.clear();
    options.onDisconnect?.();
  };
  port.onDisconnect.addListener(close);
  port.onMessage.addListener((raw: unknown) => {
    const message = PortMessageSchema.safeParse(raw);
    if (!message.success) return;
    if ('event' in message.data) {
      const event = options.eventSchema?.safeParse(message.data.event);
      if (event?.success) options.onEvent?.(event.data);
      return;
    }
    const { id, answer: envelope } = message.data;
    const asked = id === null ? undefined : pending.get(id);
    if (!asked || id === null) {
      if (!envelope.ok) console.warn(`DigestLens: ${options.name}: ${envelope.error}`);
      return;
    }
    pending.delete(id);
    if (envelope.ok) asked.resolve(envelope.value);
    else asked.reject(new ChannelError(`${asked.type} failed: ${envelope.error}`, 'failed', envelope.error));
  });

  return {
    get connected() {
      return connected;
    },
    ask<R extends Req>(request: R, timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS) {
      return new Promise<Res[R['type']]>((resolve, reject) => {
        if (!connected) return reject(new ChannelError(`${request.type}: not connected`, 'disconnected'));
        const id = nextId++;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const settle = () => {
          clearTimeout(timer);
          pending.delete(id);
        };
        pending.set(id, {
          type: request.type,
          resolve: (value) => {
            settle();
            resolve(value as Res[R['type']]);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        });
        if (Number.isFinite(timeoutMs)) {
          timer = setTimeout(
            () => pending.get(id)?.reject(new ChannelError(`${request.type}: no answer in ${timeoutMs / 1000} s`, 'timeout')),
            timeoutMs,
          );
        }
        if (!safePost(port, { id, request })) {
          // The port went away between the check and the post: the disconnect event follows.
          close();
        }
      });
    },
    disconnect() {
      try {
        port.disconnect();
      } catch {
        // After an extension reload the port is already gone, and disconnecting it throws.
      }
      close();
    },
  };
}
