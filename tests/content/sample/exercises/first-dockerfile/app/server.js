require("http").createServer((q, s) => s.end("hello\n")).listen(8080);
