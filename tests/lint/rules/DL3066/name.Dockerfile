# expect: DL3066:3
FROM debian:12
USER app
