import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** A client on this machine, talking to us directly (a reverse proxy on loopback adds forwarding headers). */
export function fromThisMachine(c: Context): boolean {
  if (c.req.header("x-forwarded-for") || c.req.header("forwarded") || c.req.header("x-real-ip")) return false;
  try {
    return LOOPBACK.test(getConnInfo(c).remote.address ?? "");
  } catch {
    return false; // no socket (e.g. app.request() without bindings)
  }
}
