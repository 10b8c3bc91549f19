"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { createServer } = require("../server.js");

test("the service answers with its status as JSON", async () => {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, resolve));
  const { port } = server.address();
  const res = await fetch(`http://127.0.0.1:${port}/`);
  const body = await res.json();
  server.close();
  assert.strictEqual(res.status, 200);
  assert.strictEqual(body.status, "ok");
});
