// Reports which user the process runs as.
"use strict";

const http = require("node:http");
const os = require("node:os");

const port = Number(process.env.PORT || 8080);

const server = http.createServer((req, res) => {
  const { username, uid } = os.userInfo();
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ user: username, uid, root: uid === 0 }) + "\n");
});

server.listen(port, () => console.log(`listening on port ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
