/**
 * A DNS server on loopback for tests, speaking the real protocol over UDP (dns-packet encodes and
 * decodes): the dispatcher's resolver is pointed at it with `setServers`, so a test decides what a
 * webhook's host resolves to and sees every query the hub sends. A name it has no records for is
 * NXDOMAIN, as from an authoritative server.
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import * as packet from 'dns-packet';

export interface Records {
  A?: string[];
  AAAA?: string[];
}

export interface DnsQuery {
  name: string;
  type: string;
}

export interface DnsServer {
  /** `127.0.0.1:<port>`, for `Resolver#setServers`. */
  address: string;
  /** What each name resolves to; a function is asked at every query (to change answers over time). */
  records: Map<string, Records | (() => Records)>;
  queries: DnsQuery[];
  close(): Promise<void>;
}

export async function startDnsServer(): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const records = new Map<string, Records | (() => Records)>();
  const queries: DnsQuery[] = [];
  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    let query: packet.Packet;
    try {
      query = packet.decode(message);
    } catch {
      return;
    }
    const question = query.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    queries.push({ name, type: question.type });
    const entry = records.get(name);
    const known = typeof entry === 'function' ? entry() : entry;
    const type = question.type === 'A' || question.type === 'AAAA' ? question.type : undefined;
    const answers: packet.Answer[] = type
      ? (known?.[type] ?? []).map(
          (data) => ({ type, name: question.name, ttl: 0, class: 'IN', data }) as packet.Answer,
        )
      : [];
    const response = packet.encode({
      id: query.id,
      type: 'response',
      // Authoritative answer, recursion desired echoed, recursion available; NXDOMAIN for unknown names.
      flags:
        packet.AUTHORITATIVE_ANSWER | packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (known ? 0 : 3),
      questions: [question],
      answers,
    });
    socket.send(response, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    records,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
