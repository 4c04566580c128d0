import http from "node:http";

export interface BenchResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

// Reused connections, as a browser or fetch() would keep them.
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One HTTP request with the Host header the bench chooses (the app picks the network hub or a
 * co-op site by Host). fetch() cannot do this: undici replaces Host with the URL's.
 */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
