// A tiny HTTP service that shuts down cleanly on SIGTERM.
"use strict";

const http = require("node:http");

const port = Number(process.env.PORT || 3000);

const server = http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok\n");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ message: "hello from a container", pid: process.pid }) + "\n");
});

server.listen(port, () => {
  console.log(`listening on port ${port} as pid ${process.pid}`);
});

// docker stop sends SIGTERM to PID 1. Only a process that is PID 1 (or
// that PID 1 forwards the signal to) ever sees it.
process.on("SIGTERM", () => {
  console.log("SIGTERM received: closing connections, goodbye");
  server.close(() => process.exit(0));
});
