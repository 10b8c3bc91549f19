// An HTTP service that reports its status as JSON.
"use strict";

const http = require("node:http");

const started = new Date().toISOString();

function createServer() {
  return http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", started }) + "\n");
  });
}

module.exports = { createServer };

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  const server = createServer();

  server.listen(port, () => console.log(`listening on port ${port}`));
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
